package th.or.depa.sca.bot.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.linecorp.bot.messaging.model.DatetimePickerAction;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.MessageAction;
import com.linecorp.bot.messaging.model.QuickReplyItem;
import th.or.depa.sca.bot.conversation.Decision;
import th.or.depa.sca.bot.conversation.Flow;
import th.or.depa.sca.bot.conversation.Input;
import th.or.depa.sca.bot.conversation.Postbacks;
import th.or.depa.sca.bot.conversation.Questions;
import th.or.depa.sca.bot.conversation.Replies;
import th.or.depa.sca.bot.conversation.Turn;
import th.or.depa.sca.bot.privacy.PersonalDataHolder;
import th.or.depa.sca.bot.privacy.PrivacyNotice;
import th.or.depa.sca.bot.registration.RegistrationState.Stage;
import th.or.depa.sca.bot.rounds.ApplyingStatus;
import th.or.depa.sca.bot.session.ConversationSession;
import th.or.depa.sca.bot.session.FlowState;
import th.or.depa.sca.domain.application.Application;
import th.or.depa.sca.domain.application.ApplicationNumber;
import th.or.depa.sca.domain.application.ApplicationRepository;
import th.or.depa.sca.domain.application.ApplicationStatus;
import th.or.depa.sca.domain.application.Submission;
import th.or.depa.sca.domain.application.SubmitResult;
import th.or.depa.sca.domain.privacy.Consent;
import th.or.depa.sca.domain.round.ApplicantType;
import th.or.depa.sca.domain.round.Availability;
import th.or.depa.sca.domain.round.Round;
import th.or.depa.sca.nlp.ThaiText;
import th.or.depa.sca.nlp.intent.Intent;
import th.or.depa.sca.nlp.intent.IntentMatch;
import th.or.depa.sca.nlp.parse.AgeParser;
import th.or.depa.sca.nlp.parse.Parsed;
import th.or.depa.sca.nlp.parse.YesNo;
import th.or.depa.sca.nlp.parse.YesNoParser;
import th.or.depa.sca.store.redis.crypto.PersonalDataSealer;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.MessageKey;
import th.or.depa.sca.templates.forms.EligibilityRule;
import th.or.depa.sca.templates.forms.FieldParser;
import th.or.depa.sca.templates.forms.FieldSpec;
import th.or.depa.sca.templates.forms.FormSpec;
import th.or.depa.sca.templates.forms.Forms;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Registration by chat, on the declared forms of {@code forms/registration.yaml}: the
 * applicant type, the privacy notice and consent, one question at a time with a specific
 * re-prompt, a summary card with an edit button per answer, and a submission that creates
 * exactly one application however often it arrives. "สถานะใบสมัคร" and "ถอนใบสมัคร" are
 * answered here too.
 */
@Component
class RegistrationFlow implements Flow, PersonalDataHolder {

	static final String ID = "registration";

	/** The purpose recorded with the consent. */
	static final String PURPOSE = "registration";

	private static final YesNoParser YES_NO = new YesNoParser();

	// "ยินยอมค่ะ", "ไม่ยินยอมครับ": the polite particle says nothing about the answer.
	private static final Pattern POLITE = Pattern.compile("(?:ครับ|คับ|ค่ะ|คะ|ค่า|จ้า|จ้ะ|นะ|ค้าบ)+$");

	/** Text fields this long are stories (a motivation), never read as questions. */
	private static final int NARRATIVE = 500;

	private static final TypeReference<LinkedHashMap<String, String>> ANSWERS = new TypeReference<>() {
	};

	// "แก้ไขอีเมล", "แก้ เบอร์โทร", "edit email"
	private static final Pattern EDIT = Pattern.compile("^(?:แก้ไข|แก้|edit|change)\\s*(.+)$",
			Pattern.CASE_INSENSITIVE);

	// Cues that a message is a question about the program rather than an answer.
	private static final Pattern QUESTION = Pattern.compile(
			"[?？]|ไหม|มั้ย|มั๊ย|อะไร|ยังไง|อย่างไร|เท่าไ|เมื่อไ|กี่|หรือเปล่า|รึเปล่า|ป่ะ|ไหน|ทำไม|^(?:what|how|when|where|why|who|can|do|is|are)\\b",
			Pattern.CASE_INSENSITIVE);

	private final Forms forms;

	private final ApplyingStatus status;

	private final ApplicationRepository applications;

	private final PersonalDataSealer sealer;

	private final JsonMapper json;

	private final Replies replies;

	private final Questions questions;

	private final PrivacyNotice notice;

	private final RegistrationProperties properties;

	private final DraftReminders drafts;

	private final FieldReader reader;

	private final SummaryCard summary;

	RegistrationFlow(Forms forms, ApplyingStatus status, ApplicationRepository applications, PersonalDataSealer sealer,
			JsonMapper json, Replies replies, Questions questions, PrivacyNotice notice,
			RegistrationProperties properties, DraftReminders drafts, FieldReader reader, SummaryCard summary) {
		this.forms = forms;
		this.status = status;
		this.applications = applications;
		this.sealer = sealer;
		this.json = json;
		this.replies = replies;
		this.questions = questions;
		this.notice = notice;
		this.properties = properties;
		this.drafts = drafts;
		this.reader = reader;
		this.summary = summary;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public Class<? extends FlowState> stateType() {
		return RegistrationState.class;
	}

	@Override
	public Set<Intent> starters() {
		return Set.of(Intent.REGISTER, Intent.STATUS, Intent.WITHDRAW);
	}

	@Override
	public boolean takesOver(Intent command) {
		// Help and a language change are answered here too, so that the question being
		// asked is asked again after them (and "ไทย" given as a nickname is not lost).
		return command == Intent.CANCEL || command == Intent.BACK || command == Intent.HELP
				|| command == Intent.CHANGE_LANGUAGE;
	}

	// ---------------------------------------------------------------- starting

	@Override
	public Decision start(Turn turn, Input input) {
		Turn spoken = inLanguageOf(turn, input);
		if (input.is(Intent.STATUS)) {
			return status(spoken, spoken.session());
		}
		if (input.is(Intent.WITHDRAW)) {
			return askWithdraw(spoken);
		}
		if (input instanceof Input.Postback postback && postback.action() instanceof Postbacks.Step step) {
			// A button of a registration that is over (already submitted, cancelled).
			if (step.step().equals("withdraw")) {
				return Decision.answer(spoken.session(), "withdraw-stale",
						this.replies.plain(spoken.lang(), MessageKey.REG_WITHDRAW_KEPT));
			}
			if (step.step().equals("submit") || step.step().equals("edit")) {
				return status(spoken, spoken.session());
			}
			if (!step.step().equals("type")) {
				return Decision.answer(spoken.session(), "unknown-postback", this.replies.unknownButton(spoken.lang()));
			}
		}
		Optional<Round> open = this.status.open(turn.now());
		if (open.isEmpty()) {
			return unavailable(spoken);
		}
		Round round = open.get();
		RegistrationState state = new RegistrationState(Stage.CHOOSE_TYPE, null, round.id(), "", null, 0, null, false,
				null, null, turn.now(), turn.now(), null);
		Optional<ApplicantType> type = requestedType(input);
		if (type.isPresent()) {
			return chosen(spoken, state, type.get());
		}
		return Decision.answer(spoken.session().withFlow(state), "registration-started", chooseType(spoken, round));
	}

	private Decision unavailable(Turn turn) {
		Availability availability = this.status.at(turn.now());
		Round round = availability.round();
		MessageKey key = (availability instanceof Availability.NotYetOpen) ? MessageKey.REGISTER_NOT_YET
				: MessageKey.REGISTER_CLOSED;
		return Decision.answer(turn.session(),
				(key == MessageKey.REGISTER_CLOSED) ? "register-closed" : "register-not-yet",
				this.replies.offeringNextRound(turn.lang(), key, roundArgs(round)));
	}

	// ---------------------------------------------------------------- handling

	@Override
	public Decision handle(Turn turn, Input input) {
		RegistrationState state = turn.session().flow(RegistrationState.class).orElseThrow();
		if (this.status.calendar().byId(state.roundId()).isEmpty()) {
			// The round left the rounds file (a demonstration round after a restart).
			this.drafts.forget(state.roundId(), turn.chatKey());
			return Decision.answer(turn.session().idle(), "round-gone",
					this.replies.plain(turn.lang(), MessageKey.REG_ROUND_GONE));
		}
		if (state.form() != null && state.touchedAt().plus(this.properties.draftTtl()).isBefore(turn.now())) {
			this.drafts.forget(state.roundId(), turn.chatKey());
			return Decision.answer(turn.session().idle(), "draft-expired",
					this.replies.plain(turn.lang(), MessageKey.REG_DRAFT_EXPIRED));
		}
		boolean ownButton = input instanceof Input.Postback postback && postback.action() instanceof Postbacks.Step step
				&& step.flow().equals(ID);
		if (state.stage() == Stage.ASKING && !ownButton && !input.is(Intent.CANCEL) && !answers(turn, state, input)
				&& state.touchedAt().plus(this.properties.resumeAfter()).isBefore(turn.now())) {
			return offerResume(turn, state);
		}
		if (input.is(Intent.HELP) || input.is(Intent.CHANGE_LANGUAGE)) {
			return aside(turn, state, input);
		}
		if ((input.is(Intent.CANCEL) || (input.is(Intent.WITHDRAW) && state.form() != null))
				&& state.stage() != Stage.CONFIRM_CANCEL) {
			return confirm(turn, state.confirming(Stage.CONFIRM_CANCEL), MessageKey.REG_CANCEL_CONFIRM, "cancel",
					"cancel-asked");
		}
		if (input.is(Intent.REGISTER) && state.form() != null) {
			return offerResume(turn, state);
		}
		if (input.is(Intent.STATUS)) {
			return status(turn, turn.session());
		}
		return switch (state.stage()) {
			case CHOOSE_TYPE -> onChooseType(turn, state, input);
			case CONSENT -> onConsent(turn, state, input);
			case ASKING -> onAnswer(turn, state, input);
			case CONFIRM_PROVINCE -> onProvinceConfirm(turn, state, input);
			case SUMMARY -> onSummary(turn, state, input);
			case CONFIRM_CANCEL -> onCancelConfirm(turn, state, input);
			case CONFIRM_RESUME -> onResume(turn, state, input);
			case CONFIRM_WITHDRAW -> onWithdrawConfirm(turn, state, input);
		};
	}

	/** Whether a typed message is a valid answer to the question being asked. */
	private boolean answers(Turn turn, RegistrationState state, Input input) {
		if (!(input instanceof Input.Text text) || state.field() == null || state.form() == null) {
			return false;
		}
		return form(state).field(state.field())
			.map((field) -> this.reader.read(field, text.text()) instanceof FieldReader.Reading.Accepted)
			.orElse(false);
	}

	/** Help or another language in the middle: answered, then back where the user was. */
	private Decision aside(Turn turn, RegistrationState state, Input input) {
		Turn next = turn;
		List<Message> first;
		if (input.is(Intent.CHANGE_LANGUAGE)) {
			IntentMatch match = input.command().orElseThrow();
			Lang lang = match.hasArgument() ? Lang.fromCode(match.argument())
					: ((turn.lang() == Lang.TH) ? Lang.EN : Lang.TH);
			next = turn.withSession(turn.session().withLang(lang.code())).inLang(lang);
			first = List.of(this.replies.text(text(next, MessageKey.LANGUAGE_CHANGED), List.of()));
		}
		else {
			first = this.replies.help(turn.lang());
		}
		return resumeAt(next, state, List.of(), "aside").after(first);
	}

	private Decision onChooseType(Turn turn, RegistrationState state, Input input) {
		Round round = round(state);
		if (input.is(Intent.BACK)) {
			return Decision.answer(turn.session(), "back-first",
					this.replies.plain(turn.lang(), MessageKey.REG_BACK_FIRST));
		}
		Optional<ApplicantType> type = requestedType(input);
		if (type.isEmpty() && input instanceof Input.Text text) {
			String typed = ThaiText.normalize(text.text()).replace(" ", "");
			for (ApplicantType candidate : ApplicantType.values()) {
				MessageKey label = (candidate == ApplicantType.YOUTH) ? MessageKey.ACTION_TYPE_YOUTH
						: MessageKey.ACTION_TYPE_CITY;
				for (Lang lang : Lang.values()) {
					String name = ThaiText.normalize(this.replies.catalog().text(lang, label)).replace(" ", "");
					if (typed.equals(name) || typed.equals(candidate.code()) || typed.contains(name)) {
						type = Optional.of(candidate);
					}
				}
			}
		}
		if (type.isPresent()) {
			return chosen(turn, state, type.get());
		}
		Optional<Decision> answered = answeredQuestion(turn, input, chooseType(turn, round));
		return answered.orElseGet(() -> Decision.answer(turn.session(), "type-reprompt",
				List.of(this.replies.text(text(turn, MessageKey.REG_CHOOSE_TYPE_REPROMPT), typeButtons(turn)))));
	}

	private Decision chosen(Turn turn, RegistrationState state, ApplicantType type) {
		Round round = round(state);
		for (Application application : this.applications.findByUser(turn.chatKey())) {
			if (application.roundId().equals(round.id()) && application.type() == type && !application.withdrawn()) {
				return Decision.answer(turn.session().idle(), "already-applied",
						this.replies.plain(turn.lang(), MessageKey.REG_ALREADY, Map.of("type", type.code(), "round",
								round.number(), "number", application.number().toString())));
			}
		}
		RegistrationState next = new RegistrationState(Stage.CONSENT, type.code(), round.id(), "", null, 0, null, false,
				null, null, state.startedAt(), turn.now(), null);
		return Decision.answer(turn.session().withFlow(next), "consent-asked", consentNotice(turn, round));
	}

	private Decision onConsent(Turn turn, RegistrationState state, Input input) {
		Optional<Boolean> agreed = yesNo(input, "consent");
		if (agreed.isEmpty()) {
			if (input.is(Intent.BACK)) {
				return Decision.answer(turn.session().withFlow(state.at(Stage.CHOOSE_TYPE)), "back",
						chooseType(turn, round(state)));
			}
			return answeredQuestion(turn, input, consentNotice(turn, round(state)))
				.orElseGet(() -> Decision.answer(turn.session(), "consent-reprompt",
						List.of(this.replies.text(text(turn, MessageKey.REG_CONSENT_REPROMPT), consentButtons(turn)))));
		}
		if (!agreed.get()) {
			// Declining ends the registration and keeps nothing.
			return Decision.answer(turn.session().idle(), "consent-declined",
					this.replies.plain(turn.lang(), MessageKey.REG_CONSENT_DECLINED));
		}
		Consent consent = this.notice.consent(PURPOSE, turn.now());
		FormSpec form = form(state);
		RegistrationState consented = new RegistrationState(Stage.ASKING, state.form(), state.roundId(), "",
				form.fields().get(0).name(), 0, null, false, consent.noticeVersion(), consent.givenAt(),
				state.startedAt(), turn.now(), null);
		this.drafts.touch(state.roundId(), turn.chatKey(), turn.now());
		return ask(turn, consented, List.of(), "consent-given");
	}

	private Decision onAnswer(Turn turn, RegistrationState state, Input input) {
		FormSpec form = form(state);
		FieldSpec field = form.field(state.field()).orElseThrow();
		Map<String, String> answers = answers(turn, state);
		if (input.is(Intent.BACK)) {
			Optional<FieldSpec> before = form.before(field.name(), answers);
			if (before.isEmpty()) {
				return ask(turn, state, List.of(text(turn, MessageKey.REG_BACK_FIRST)), "back-first");
			}
			return ask(turn, state.asking(before.get().name(), false), List.of(), "back");
		}
		if (input.is(Intent.RESTART)) {
			RegistrationState restarted = state.withAnswers("").asking(form.fields().get(0).name(), false);
			return ask(turn, restarted, List.of(), "restarted");
		}
		FieldReader.Reading reading;
		switch (input) {
			case Input.Postback postback when postback.action() instanceof Postbacks.Step step
					&& step.flow().equals(ID) -> {
				String[] target = step.arg().split(":", 2);
				if (!step.step().equals("edit") && !target[0].equals(field.name())) {
					// A button of an earlier question, tapped again: ask the current one.
					return ask(turn, state, List.of(), "stale-button");
				}
				if (step.step().equals("date") && postback.params().containsKey("date")) {
					reading = this.reader.readPickedDate(postback.params().get("date"));
				}
				else if (step.step().equals("choice") && target.length == 2) {
					reading = this.reader.read(field, target[1]);
				}
				else if (step.step().equals("edit")) {
					return edit(turn, state, step.arg());
				}
				else {
					return ask(turn, state, List.of(), "stale-button");
				}
			}
			case Input.Text text -> {
				Optional<FieldSpec> editing = editTarget(form, answers, text.text());
				if (editing.isPresent()) {
					return edit(turn, state, editing.get().name());
				}
				// A question about the program in the middle of the form is answered,
				// then
				// the same question asked again; a long narrative answer is never taken
				// for a question.
				if (QUESTION.matcher(text.text()).find()
						&& (field.parser() != FieldParser.TEXT || field.max() < NARRATIVE)) {
					Optional<List<Message>> answer = this.questions.answerIfKnown(turn, text.text());
					if (answer.isPresent()) {
						return askAfter(turn, state, answer.get(), "question-answered");
					}
				}
				reading = this.reader.read(field, text.text());
				if (reading instanceof FieldReader.Reading.Refused && QUESTION.matcher(text.text()).find()) {
					Optional<List<Message>> answer = this.questions.answerIfKnown(turn, text.text());
					if (answer.isPresent()) {
						return askAfter(turn, state, answer.get(), "question-answered");
					}
				}
			}
			case Input.Media media -> reading = new FieldReader.Reading.Refused(Forms.MEDIA, Map.of());
			default -> {
				return ask(turn, state, List.of(), "reprompt");
			}
		}
		return onReading(turn, state, field, answers, reading);
	}

	private Decision onReading(Turn turn, RegistrationState state, FieldSpec field, Map<String, String> answers,
			FieldReader.Reading reading) {
		return switch (reading) {
			case FieldReader.Reading.Accepted accepted -> accept(turn, state, field, answers, accepted.value());
			case FieldReader.Reading.ConfirmProvince guess -> {
				RegistrationState confirming = state.pending(Stage.CONFIRM_PROVINCE, guess.province());
				yield Decision.answer(turn.session().withFlow(confirming.touched(turn.now())), "province-confirm",
						List.of(this.replies.text(
								text(turn, MessageKey.REG_PROVINCE_CONFIRM, Map.of("province", guess.province())),
								List.of(Replies.button(text(turn, MessageKey.ACTION_YES),
										Postbacks.step(ID, "province", guess.province())),
										Replies.button(text(turn, MessageKey.ACTION_NO),
												Postbacks.step(ID, "province", ""))))));
			}
			case FieldReader.Reading.ChooseProvince choose -> {
				List<QuickReplyItem> items = new ArrayList<>();
				choose.provinces()
					.forEach((name) -> items.add(Replies.button(name, Postbacks.step(ID, "province", name))));
				yield Decision.answer(
						turn.session().withFlow(state.pending(Stage.CONFIRM_PROVINCE, "").touched(turn.now())),
						"province-choose",
						List.of(this.replies.text(text(turn, MessageKey.REG_PROVINCE_CHOOSE), items)));
			}
			case FieldReader.Reading.Refused refused -> refuse(turn, state, field, refused);
		};
	}

	private Decision accept(Turn turn, RegistrationState state, FieldSpec field, Map<String, String> answers,
			String value) {
		Map<String, String> next = new LinkedHashMap<>(answers);
		next.put(field.name(), value);
		FormSpec form = form(state);
		// Answers of fields that no longer apply (a changed choice) are dropped.
		next.keySet().removeIf((name) -> form.field(name).map((spec) -> !spec.applies(next)).orElse(true));
		RegistrationState stored = state.withAnswers(seal(turn, next)).touched(turn.now());
		this.drafts.touch(state.roundId(), turn.chatKey(), turn.now());
		Optional<FieldSpec> following = form.next(next);
		if (following.isEmpty()) {
			return showSummary(turn, stored, next, "answered");
		}
		// While editing from the summary, a changed answer may bring a new question
		// (a condition now holds); once it is answered the summary comes back.
		return ask(turn, stored.asking(following.get().name(), state.editing()), List.of(), "answered");
	}

	private Decision refuse(Turn turn, RegistrationState state, FieldSpec field, FieldReader.Reading.Refused refused) {
		RegistrationState failed = state.failed().touched(turn.now());
		String perField = Forms.repromptKey(state.form(), field.name(), refused.reason());
		String key = this.replies.catalog().has(turn.lang(), perField) ? perField : Forms.repromptKey(refused.reason());
		List<String> before = new ArrayList<>();
		before.add(this.replies.catalog().text(turn.lang(), key, refused.args()));
		if (failed.failures() >= this.properties.maxFailures()) {
			before.add(text(turn, MessageKey.REG_RETRY_STAFF));
		}
		return ask(turn, failed, before, "reprompt-" + refused.reason().toLowerCase(java.util.Locale.ROOT));
	}

	private Decision onProvinceConfirm(Turn turn, RegistrationState state, Input input) {
		FieldSpec field = form(state).field(state.field()).orElseThrow();
		Map<String, String> answers = answers(turn, state);
		if (input instanceof Input.Postback postback && postback.action() instanceof Postbacks.Step step
				&& step.step().equals("province")) {
			if (!step.arg().isEmpty() && this.reader.isProvince(step.arg())) {
				return accept(turn, state.at(Stage.ASKING), field, answers, step.arg());
			}
			return ask(turn, state.at(Stage.ASKING), List.of(), "province-rejected");
		}
		if (input instanceof Input.Text text) {
			Parsed<YesNo> answer = YES_NO.parse(text.text());
			if (answer instanceof Parsed.Valid<YesNo> valid && state.pending() != null && !state.pending().isEmpty()) {
				return (valid.value() == YesNo.YES)
						? accept(turn, state.at(Stage.ASKING), field, answers, state.pending())
						: ask(turn, state.at(Stage.ASKING), List.of(), "province-rejected");
			}
			// Typed the province again instead of tapping.
			return onAnswer(turn, state.at(Stage.ASKING), input);
		}
		return ask(turn, state.at(Stage.ASKING), List.of(), "reprompt");
	}

	private Decision onSummary(Turn turn, RegistrationState state, Input input) {
		Map<String, String> answers = answers(turn, state);
		if (input instanceof Input.Postback postback && postback.action() instanceof Postbacks.Step step) {
			return switch (step.step()) {
				case "submit" -> submit(turn, state, answers);
				case "edit" -> edit(turn, state, step.arg());
				default -> showSummary(turn, state, answers, "summary-again");
			};
		}
		if (input.is(Intent.BACK)) {
			List<FieldSpec> asked = form(state).asked(answers);
			return ask(turn, state.asking(asked.get(asked.size() - 1).name(), true), List.of(), "back");
		}
		if (input instanceof Input.Text text) {
			Matcher edit = EDIT.matcher(text.text().strip());
			if (edit.matches()) {
				return edit(turn, state, editTarget(form(state), answers, text.text()).map(FieldSpec::name).orElse(""));
			}
			String typed = ThaiText.normalize(text.text()).replace(" ", "");
			if (typed.equals(ThaiText.normalize(text(turn, MessageKey.ACTION_SUBMIT)).replace(" ", ""))
					|| typed.equals("ส่ง") || typed.equals("submit")) {
				return submit(turn, state, answers);
			}
			Optional<List<Message>> answer = this.questions.answerIfKnown(turn, text.text());
			if (answer.isPresent()) {
				return showSummary(turn, state, answers, "question-answered").after(answer.get());
			}
		}
		return showSummary(turn, state, answers, "summary-again");
	}

	private Decision submit(Turn turn, RegistrationState state, Map<String, String> answers) {
		Round round = round(state);
		FormSpec form = form(state);
		Optional<FieldSpec> missing = form.next(answers);
		if (missing.isPresent()) {
			return ask(turn, state.asking(missing.get().name(), false), List.of(), "incomplete");
		}
		if (!eligible(form, answers, round)) {
			return Decision.answer(turn.session(), "not-eligible",
					List.of(this.replies.text(text(turn, MessageKey.REG_NOT_ELIGIBLE), staffAndMenu(turn))));
		}
		ApplicantType type = ApplicantType.fromCode(state.form()).orElseThrow();
		String uniqueKey = (type == ApplicantType.YOUTH) ? answers.get(form.uniqueField())
				: CityNames.canonical(answers.get(form.uniqueField())) + "|" + answers.get(form.provinceField());
		Submission submission = new Submission(round, type, turn.chatKey(), answers, answers.get(form.provinceField()),
				uniqueKey, new Consent(PURPOSE, state.consentVersion(), state.consentAt()));
		// Judged at the moment the user tapped (LINE's signed timestamp), not when a busy
		// queue got to it; the store looks up the user's own application first, so a
		// replay after the close still confirms what was created before it.
		SubmitResult result = this.applications.submit(submission, turn.actedAt());
		return switch (result) {
			case SubmitResult.Created created -> submitted(turn, state, created.application());
			// The same submission again (a replay after a crash, a second tap): the
			// user's own application, confirmed as it was.
			case SubmitResult.AlreadySubmitted already -> this.applications.find(already.number())
				.map((application) -> submitted(turn, state, application))
				.orElseThrow(() -> new IllegalStateException("Application " + already.number() + " vanished"));
			// Ends the form: trying other national IDs against this refusal would tell
			// who
			// applied.
			case SubmitResult.Duplicate duplicate ->
				duplicate(turn, state,
						List.of(this.replies.text(text(turn, (type == ApplicantType.YOUTH)
								? MessageKey.REG_DUPLICATE_YOUTH : MessageKey.REG_DUPLICATE_CITY),
								staffAndMenu(turn))));
			case SubmitResult.RoundClosed closed -> closedAtSubmit(turn, state, round);
		};
	}

	private Decision duplicate(Turn turn, RegistrationState state, List<Message> refusal) {
		this.drafts.forget(state.roundId(), turn.chatKey());
		return Decision.answer(turn.session().idle(), "duplicate", refusal);
	}

	private Decision submitted(Turn turn, RegistrationState state, Application application) {
		this.drafts.forget(state.roundId(), turn.chatKey());
		String text = text(turn, MessageKey.REG_SUBMITTED,
				Map.of("number", application.number().toString(), "at", Date.from(application.submittedAt())));
		if (round(state).demo()) {
			text = text + "\n" + text(turn, MessageKey.ROUND_DEMO_NOTE);
		}
		return Decision.answer(turn.session().idle(), "submitted",
				List.of(this.replies.text(text, this.replies.menuItems(turn.lang()))));
	}

	private Decision closedAtSubmit(Turn turn, RegistrationState state, Round round) {
		this.drafts.forget(state.roundId(), turn.chatKey());
		return Decision.answer(turn.session().idle(), "closed-at-submit",
				this.replies.offeringNextRound(turn.lang(), MessageKey.REG_CLOSED_AT_SUBMIT, roundArgs(round)));
	}

	private boolean eligible(FormSpec form, Map<String, String> answers, Round round) {
		ZoneId zone = this.status.calendar().zone();
		for (EligibilityRule rule : form.eligibility()) {
			String value = answers.get(rule.field());
			if (value == null) {
				continue;
			}
			int age = AgeParser.ageOn(LocalDate.parse(value), round.lastDay(zone));
			if ((rule.minAge() != null && age < rule.minAge()) || (rule.maxAge() != null && age > rule.maxAge())) {
				return false;
			}
		}
		return true;
	}

	private Decision edit(Turn turn, RegistrationState state, String what) {
		FormSpec form = form(state);
		Map<String, String> answers = answers(turn, state);
		Optional<FieldSpec> field = form.field(what).filter((spec) -> spec.applies(answers));
		if (field.isEmpty()) {
			List<QuickReplyItem> items = new ArrayList<>();
			for (FieldSpec candidate : form.asked(answers)) {
				if (items.size() < 13) {
					String label = this.replies.catalog().text(turn.lang(), candidate.labelKey(), Map.of());
					items.add(Replies.button(label, Postbacks.step(ID, "edit", candidate.name())));
				}
			}
			return Decision.answer(turn.session(), "edit-unknown",
					List.of(this.replies.text(text(turn, MessageKey.REG_EDIT_UNKNOWN), items)));
		}
		boolean complete = form.next(answers).isEmpty();
		return ask(turn, state.asking(field.get().name(), complete), List.of(), "edit");
	}

	/**
	 * The field a message asks to edit ("แก้ไขอีเมล", "edit email"): only when what
	 * follows the verb names one of the form's answers, so that a name like "แก้ว" or an
	 * e-mail like "edith@..." stays an answer.
	 */
	private Optional<FieldSpec> editTarget(FormSpec form, Map<String, String> answers, String text) {
		Matcher edit = EDIT.matcher(text.strip());
		if (!edit.matches()) {
			return Optional.empty();
		}
		String typed = ThaiText.normalize(edit.group(1)).replace(" ", "");
		if (typed.length() < 3) {
			return Optional.empty();
		}
		for (FieldSpec candidate : form.asked(answers)) {
			if (!answers.containsKey(candidate.name())) {
				continue;
			}
			if (typed.equalsIgnoreCase(candidate.name())) {
				return Optional.of(candidate);
			}
			for (Lang lang : Lang.values()) {
				String label = ThaiText.normalize(this.replies.catalog().text(lang, candidate.labelKey(), Map.of()))
					.replace(" ", "");
				if (label.equals(typed) || (label.length() >= 3 && typed.startsWith(label))
						|| (typed.length() >= 4 && label.startsWith(typed))) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

	private Decision onCancelConfirm(Turn turn, RegistrationState state, Input input) {
		Optional<Boolean> yes = yesNo(input, "cancel");
		if (yes.isEmpty() && input.is(Intent.CANCEL)) {
			yes = Optional.of(true);
		}
		if (yes.isEmpty()) {
			return confirm(turn, state, MessageKey.REG_CANCEL_CONFIRM, "cancel", "cancel-reprompt");
		}
		if (yes.get()) {
			this.drafts.forget(state.roundId(), turn.chatKey());
			return Decision.answer(turn.session().idle(), "registration-cancelled",
					this.replies.plain(turn.lang(), MessageKey.REG_CANCELLED));
		}
		return resumeAt(turn, state.at(state.resumeTo()), List.of(text(turn, MessageKey.REG_CANCEL_KEPT)),
				"cancel-kept");
	}

	private Decision offerResume(Turn turn, RegistrationState state) {
		Map<String, String> answers = answers(turn, state);
		int total = (state.form() != null) ? form(state).expected(answers).size() : 0;
		RegistrationState asking = state.confirming(Stage.CONFIRM_RESUME).touched(turn.now());
		return Decision.answer(turn.session().withFlow(asking), "resume-asked", List.of(this.replies.text(
				text(turn, MessageKey.REG_RESUME, Map.of("done", answers.size(), "total", total)),
				List.of(Replies.button(text(turn, MessageKey.ACTION_CONTINUE), Postbacks.step(ID, "resume", "yes")),
						Replies.button(text(turn, MessageKey.ACTION_RESTART), Postbacks.step(ID, "resume", "no"))))));
	}

	private Decision onResume(Turn turn, RegistrationState state, Input input) {
		Optional<Boolean> resume = yesNo(input, "resume");
		if (resume.isEmpty() && input.is(Intent.RESTART)) {
			resume = Optional.of(false);
		}
		if (resume.isEmpty()) {
			return offerResume(turn, state.at(state.resumeTo()));
		}
		if (resume.get()) {
			return resumeAt(turn, state.at(state.resumeTo()), List.of(), "resumed");
		}
		RegistrationState restarted = state.withAnswers("").asking(form(state).fields().get(0).name(), false);
		return ask(turn, restarted, List.of(text(turn, MessageKey.ACTION_RESTART) + " ✓"), "restarted");
	}

	private Decision resumeAt(Turn turn, RegistrationState state, List<String> before, String outcome) {
		return switch (state.stage()) {
			case CHOOSE_TYPE ->
				Decision.answer(turn.session().withFlow(state), outcome, chooseType(turn, round(state)));
			case CONSENT -> Decision.answer(turn.session().withFlow(state), outcome, consentNotice(turn, round(state)));
			case SUMMARY -> showSummary(turn, state, answers(turn, state), outcome);
			default -> ask(turn, state.at(Stage.ASKING), before, outcome);
		};
	}

	// ---------------------------------------------------------------- status and
	// withdrawal

	private Decision status(Turn turn, ConversationSession session) {
		List<Application> mine = this.applications.findByUser(turn.chatKey());
		if (mine.isEmpty()) {
			return Decision.answer(session, "status-none",
					this.replies.withStaffButton(turn.lang(), MessageKey.STATUS_NONE));
		}
		StringBuilder text = new StringBuilder(text(turn, MessageKey.REG_STATUS_TITLE));
		for (Application application : mine) {
			text.append('\n')
				.append(text(turn, MessageKey.REG_STATUS_LINE,
						Map.of("number", application.number().toString(), "type", application.type().code(), "round",
								application.number().round(), "status", application.status().code())));
		}
		return Decision.answer(session, "status", List.of(this.replies.text(text.toString(), staffAndMenu(turn))));
	}

	private Decision askWithdraw(Turn turn) {
		Optional<Application> withdrawable = this.applications.findByUser(turn.chatKey())
			.stream()
			.filter((application) -> !application.withdrawn())
			.findFirst();
		if (withdrawable.isEmpty()) {
			return Decision.answer(turn.session(), "withdraw-none",
					this.replies.plain(turn.lang(), MessageKey.REG_WITHDRAW_NONE));
		}
		Application application = withdrawable.get();
		Round round = this.status.calendar().byId(application.roundId()).orElse(null);
		if (round == null || !round.accepts(turn.now())) {
			return Decision.answer(turn.session(), "withdraw-closed",
					List.of(this.replies.text(text(turn, MessageKey.REG_WITHDRAW_CLOSED), staffAndMenu(turn))));
		}
		RegistrationState state = new RegistrationState(Stage.CONFIRM_WITHDRAW, null, round.id(), "", null, 0,
				application.number().toString(), false, null, null, turn.now(), turn.now(), null);
		return confirm(turn.withSession(turn.session().withFlow(state)), state, MessageKey.REG_WITHDRAW_CONFIRM,
				"withdraw", "withdraw-asked", Map.of("number", application.number().toString()));
	}

	private Decision onWithdrawConfirm(Turn turn, RegistrationState state, Input input) {
		Optional<Boolean> yes = yesNo(input, "withdraw");
		if (yes.isEmpty()) {
			return confirm(turn, state, MessageKey.REG_WITHDRAW_CONFIRM, "withdraw", "withdraw-reprompt",
					Map.of("number", state.pending()));
		}
		if (!yes.get()) {
			return Decision.answer(turn.session().idle(), "withdraw-kept",
					this.replies.plain(turn.lang(), MessageKey.REG_WITHDRAW_KEPT));
		}
		if (!round(state).accepts(turn.now())) {
			return Decision.answer(turn.session().idle(), "withdraw-closed",
					List.of(this.replies.text(text(turn, MessageKey.REG_WITHDRAW_CLOSED), staffAndMenu(turn))));
		}
		ApplicationNumber number = ApplicationNumber.parse(state.pending()).orElseThrow();
		Optional<Application> own = this.applications.find(number)
			.filter((application) -> application.lineUserId().equals(turn.chatKey()));
		if (own.isEmpty()) {
			return Decision.answer(turn.session().idle(), "withdraw-none",
					this.replies.plain(turn.lang(), MessageKey.REG_WITHDRAW_NONE));
		}
		this.applications.withdraw(number, turn.now());
		return Decision.answer(turn.session().idle(), "withdrawn",
				this.replies.plain(turn.lang(), MessageKey.REG_WITHDRAWN, Map.of("number", number.toString())));
	}

	@Override
	public List<Erased> erase(String chatKey, Instant now) {
		this.drafts.forgetEverywhere(chatKey);
		List<ApplicationNumber> withdrawn = this.applications.eraseUser(chatKey, now);
		return withdrawn.isEmpty() ? List.of()
				: List.of(new Erased(MessageKey.DELETE_ERASED_APPLICATIONS, Map.of("count", withdrawn.size())));
	}

	// ---------------------------------------------------------------- messages

	private Decision ask(Turn turn, RegistrationState state, List<String> before, String outcome) {
		return askAfter(turn, state,
				before.isEmpty() ? List.of() : List.of(this.replies.text(String.join("\n", before), List.of())),
				outcome);
	}

	/** Asks the state's field, after some messages (a re-prompt, a FAQ answer). */
	private Decision askAfter(Turn turn, RegistrationState state, List<Message> before, String outcome) {
		FormSpec form = form(state);
		Map<String, String> answers = answers(turn, state);
		FieldSpec field = form.field(state.field()).orElseThrow();
		List<FieldSpec> expected = form.expected(answers);
		int position = expected.indexOf(field) + 1;
		String prompt = text(turn, MessageKey.REG_QUESTION, Map.of("n", Math.max(position, 1), "total", expected.size(),
				"prompt", this.replies.catalog().text(turn.lang(), field.promptKey(state.form()), Map.of())));
		if (round(state).demo()) {
			// Every question of a demonstration round says so; the first says why.
			prompt = (position == 1 && answers.isEmpty()) ? text(turn, MessageKey.ROUND_DEMO_NOTE) + "\n" + prompt
					: text(turn, MessageKey.ROUND_DEMO_TAG) + " " + prompt;
		}
		List<QuickReplyItem> items = new ArrayList<>();
		if (field.parser() == FieldParser.CHOICE) {
			for (String option : field.choices()) {
				items.add(Replies.button(this.replies.catalog().text(turn.lang(), field.choiceKey(option), Map.of()),
						Postbacks.step(ID, "choice", field.name() + ":" + option)));
			}
		}
		if (field.parser() == FieldParser.BIRTH_DATE) {
			LocalDate today = turn.now().atZone(this.status.calendar().zone()).toLocalDate();
			String label = text(turn, MessageKey.ACTION_PICK_DATE);
			items.add(new QuickReplyItem(new DatetimePickerAction(label, Postbacks.step(ID, "date", field.name()),
					DatetimePickerAction.Mode.DATE, today.minusYears(20).withDayOfYear(1).toString(), today.toString(),
					"1900-01-01")));
		}
		if (position > 1 || state.editing()) {
			String back = text(turn, MessageKey.ACTION_BACK);
			items.add(new QuickReplyItem(new MessageAction(back, back)));
		}
		String cancel = text(turn, MessageKey.ACTION_CANCEL);
		items.add(new QuickReplyItem(new MessageAction(cancel, cancel)));
		if (state.failures() >= this.properties.maxFailures()) {
			items.add(Replies.button(text(turn, MessageKey.ACTION_TALK_TO_STAFF),
					Postbacks.command(Intent.TALK_TO_STAFF)));
		}
		List<Message> messages = new ArrayList<>(before);
		messages.add(this.replies.text(prompt, items));
		return Decision.answer(turn.session().withFlow(state.at(Stage.ASKING).touched(turn.now())), outcome, messages);
	}

	private Decision showSummary(Turn turn, RegistrationState state, Map<String, String> answers, String outcome) {
		Round round = round(state);
		RegistrationState atSummary = new RegistrationState(Stage.SUMMARY, state.form(), state.roundId(),
				state.sealedAnswers(), null, 0, null, false, state.consentVersion(), state.consentAt(),
				state.startedAt(), turn.now(), null);
		return Decision.answer(turn.session().withFlow(atSummary), (outcome.equals("answered") ? "summary" : outcome),
				List.of(this.summary.render(turn.lang(), form(state), round.number(), round.demo(), answers)));
	}

	private List<Message> chooseType(Turn turn, Round round) {
		String text = text(turn, MessageKey.REG_CHOOSE_TYPE, Map.of("round", round.number()));
		if (round.demo()) {
			text = text + "\n" + text(turn, MessageKey.ROUND_DEMO_NOTE);
		}
		return List.of(this.replies.text(text, typeButtons(turn)));
	}

	private List<QuickReplyItem> typeButtons(Turn turn) {
		return List.of(
				Replies.button(text(turn, MessageKey.ACTION_TYPE_YOUTH),
						Postbacks.step(ID, "type", ApplicantType.YOUTH.code())),
				Replies.button(text(turn, MessageKey.ACTION_TYPE_CITY),
						Postbacks.step(ID, "type", ApplicantType.CITY.code())),
				new QuickReplyItem(
						new MessageAction(text(turn, MessageKey.ACTION_CANCEL), text(turn, MessageKey.ACTION_CANCEL))));
	}

	private List<Message> consentNotice(Turn turn, Round round) {
		String text = this.notice.text(turn.lang(), MessageKey.REG_CONSENT,
				Map.of("round", round.number(), "months", this.properties.retentionMonths()));
		if (round.demo()) {
			text = text(turn, MessageKey.ROUND_DEMO_NOTE) + "\n" + text;
		}
		return List.of(this.replies.text(text, consentButtons(turn)));
	}

	private List<QuickReplyItem> consentButtons(Turn turn) {
		return List.of(Replies.button(text(turn, MessageKey.ACTION_CONSENT), Postbacks.step(ID, "consent", "yes")),
				Replies.button(text(turn, MessageKey.ACTION_DECLINE), Postbacks.step(ID, "consent", "no")));
	}

	private Decision confirm(Turn turn, RegistrationState state, MessageKey question, String step, String outcome) {
		return confirm(turn, state, question, step, outcome, Map.of());
	}

	private Decision confirm(Turn turn, RegistrationState state, MessageKey question, String step, String outcome,
			Map<String, ?> args) {
		return Decision.answer(turn.session().withFlow(state), outcome,
				List.of(this.replies.text(text(turn, question, args),
						List.of(Replies.button(text(turn, MessageKey.ACTION_YES), Postbacks.step(ID, step, "yes")),
								Replies.button(text(turn, MessageKey.ACTION_NO), Postbacks.step(ID, step, "no"))))));
	}

	private Optional<Decision> answeredQuestion(Turn turn, Input input, List<Message> reask) {
		if (input instanceof Input.Text text && QUESTION.matcher(text.text()).find()) {
			return this.questions.answerIfKnown(turn, text.text())
				.map((answer) -> Decision.answer(turn.session(), "question-answered", reask).after(answer));
		}
		return Optional.empty();
	}

	private List<QuickReplyItem> staffAndMenu(Turn turn) {
		List<QuickReplyItem> items = new ArrayList<>();
		items.add(Replies.button(text(turn, MessageKey.ACTION_TALK_TO_STAFF), Postbacks.command(Intent.TALK_TO_STAFF)));
		items.addAll(this.replies.menuItems(turn.lang()));
		return items;
	}

	// ---------------------------------------------------------------- helpers

	/** A yes or no, typed or tapped on this flow's buttons of a step. */
	private static Optional<Boolean> yesNo(Input input, String step) {
		if (input instanceof Input.Postback postback && postback.action() instanceof Postbacks.Step tapped
				&& tapped.flow().equals(ID) && tapped.step().equals(step)) {
			return Optional.of(tapped.arg().equals("yes"));
		}
		if (input instanceof Input.Text text) {
			String typed = POLITE.matcher(ThaiText.normalize(text.text()).replace(" ", "")).replaceFirst("");
			if (typed.isEmpty()) {
				// A bare "ครับ" or "ค่ะ" acknowledges; it agrees to nothing.
				return Optional.empty();
			}
			if (YES_NO.parse(text.text()) instanceof Parsed.Valid<YesNo> valid) {
				return Optional.of(valid.value() == YesNo.YES);
			}
			if (typed.equals("ยินยอม") || typed.equals("iagree") || typed.equals("agree")) {
				return Optional.of(true);
			}
			if (typed.equals("ไม่ยินยอม") || typed.equals("idonotagree") || typed.equals("disagree")) {
				return Optional.of(false);
			}
		}
		return Optional.empty();
	}

	private static Optional<ApplicantType> requestedType(Input input) {
		if (input instanceof Input.Postback postback && postback.action() instanceof Postbacks.Step step
				&& step.flow().equals(ID) && step.step().equals("type")) {
			return ApplicantType.fromCode(step.arg());
		}
		return input.command()
			.filter((match) -> match.intent() == Intent.REGISTER && match.hasArgument())
			.flatMap((match) -> ApplicantType.fromCode(match.argument()));
	}

	/** A registration started by typing in English goes on in English. */
	private static Turn inLanguageOf(Turn turn, Input input) {
		if (input instanceof Input.Text text) {
			Lang lang = Replies.languageOf(turn.lang(), text.text());
			if (lang != turn.lang()) {
				return turn.withSession(turn.session().withLang(lang.code())).inLang(lang);
			}
		}
		return turn;
	}

	private Map<String, Object> roundArgs(Round round) {
		return this.status.roundArgs(round);
	}

	private FormSpec form(RegistrationState state) {
		return this.forms.form(state.form())
			.orElseThrow(() -> new IllegalStateException("No form '" + state.form() + "' in " + Forms.RESOURCE));
	}

	private Round round(RegistrationState state) {
		return this.status.calendar()
			.byId(state.roundId())
			.orElseThrow(() -> new IllegalStateException("No round '" + state.roundId() + "' in the rounds file"));
	}

	private Map<String, String> answers(Turn turn, RegistrationState state) {
		if (state.sealedAnswers().isEmpty()) {
			return Map.of();
		}
		return this.json.readValue(this.sealer.open(state.sealedAnswers(), draftContext(turn)), ANSWERS);
	}

	private String seal(Turn turn, Map<String, String> answers) {
		return this.sealer.seal(this.json.writeValueAsString(answers), draftContext(turn));
	}

	/** Binds a sealed draft to its chat: it cannot be opened as another chat's. */
	private static String draftContext(Turn turn) {
		return "sca:draft:v1|" + turn.chatKey();
	}

	private String text(Turn turn, MessageKey key) {
		return this.replies.catalog().text(turn.lang(), key);
	}

	private String text(Turn turn, MessageKey key, Map<String, ?> args) {
		return this.replies.catalog().text(turn.lang(), key, args);
	}

}
