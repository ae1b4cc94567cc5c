package th.or.depa.sca.bot.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.webhook.model.AudioMessageContent;
import com.linecorp.bot.webhook.model.Event;
import com.linecorp.bot.webhook.model.EventMode;
import com.linecorp.bot.webhook.model.FileMessageContent;
import com.linecorp.bot.webhook.model.FollowEvent;
import com.linecorp.bot.webhook.model.ImageMessageContent;
import com.linecorp.bot.webhook.model.JoinEvent;
import com.linecorp.bot.webhook.model.LocationMessageContent;
import com.linecorp.bot.webhook.model.MessageContent;
import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.PostbackEvent;
import com.linecorp.bot.webhook.model.StickerMessageContent;
import com.linecorp.bot.webhook.model.TextMessageContent;
import com.linecorp.bot.webhook.model.UnfollowEvent;
import com.linecorp.bot.webhook.model.UserSource;
import com.linecorp.bot.webhook.model.VideoMessageContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.depa.sca.bot.LogSafe;
import th.or.depa.sca.bot.inbox.EventProcessor;
import th.or.depa.sca.bot.inbox.InboundEvent;
import th.or.depa.sca.bot.line.LineMessenger;
import th.or.depa.sca.bot.session.ConversationSession;
import th.or.depa.sca.bot.session.SessionStore;
import th.or.depa.sca.bot.session.SessionWrite;
import th.or.depa.sca.nlp.ThaiText;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.MessageKey;
import th.or.depa.sca.templates.faq.FaqEntry;
import th.or.depa.sca.templates.faq.FaqKnowledgeBase;
import th.or.depa.sca.nlp.faq.FaqIndex;
import th.or.depa.sca.nlp.faq.FaqResult;
import th.or.depa.sca.nlp.intent.Intent;
import th.or.depa.sca.nlp.intent.IntentMatch;
import th.or.depa.sca.nlp.intent.IntentRecognizer;
import th.or.depa.sca.nlp.parse.Parsed;
import th.or.depa.sca.nlp.parse.YesNo;
import th.or.depa.sca.nlp.parse.YesNoParser;
import th.or.depa.sca.bot.faq.FaqProperties;
import th.or.depa.sca.bot.handoff.HandoffDesk;
import th.or.depa.sca.bot.handoff.HandoffProperties;
import th.or.depa.sca.bot.handoff.OfficeHours;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Handles each LINE event of a chat: decides from the chat's session, answers, and
 * returns the session change, which the inbox stores in the same step that finishes the
 * event. An event replayed after a crash is handled again from the unchanged session; its
 * reply is not pushed a second time (see {@link LineMessenger#reply}).
 */
@Component
class ConversationRouter implements EventProcessor {

	private static final Logger log = LoggerFactory.getLogger(ConversationRouter.class);

	private static final ObjectMapper LINE_JSON = ModelObjectMapper.createNewObjectMapper();

	/** Session flow of the "delete my data" confirmation. */
	static final String DELETE_FLOW = "delete";

	static final String HANDOFF_REF = "handoff.ref";

	static final String HANDOFF_SINCE = "handoff.since";

	static final String LAST_QUESTION = "lastQuestion";

	private static final int MAX_KEPT_QUESTION = 300;

	private static final YesNoParser YES_NO = new YesNoParser();

	private final SessionStore sessions;

	private final LineMessenger messenger;

	private final Replies replies;

	private final IntentRecognizer intents;

	private final FaqIndex faq;

	private final FaqKnowledgeBase knowledge;

	private final FaqProperties faqProperties;

	private final HandoffDesk desk;

	private final HandoffProperties handoff;

	private final ProgramProperties program;

	private final LoadingIndicator loading;

	private final Clock clock;

	ConversationRouter(SessionStore sessions, LineMessenger messenger, Replies replies, IntentRecognizer intents,
			FaqIndex faq, FaqKnowledgeBase knowledge, FaqProperties faqProperties, HandoffDesk desk,
			HandoffProperties handoff, ProgramProperties program, LoadingIndicator loading,
			ObjectProvider<Clock> clock) {
		this.sessions = sessions;
		this.messenger = messenger;
		this.replies = replies;
		this.intents = intents;
		this.faq = faq;
		this.knowledge = knowledge;
		this.faqProperties = faqProperties;
		this.desk = desk;
		this.handoff = handoff;
		this.program = program;
		this.loading = loading;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public SessionWrite process(InboundEvent inbound, String storedSession, boolean replayed) {
		long started = System.nanoTime();
		String internal = inbound.internalType();
		Event event = (internal != null) ? null : parse(inbound);
		String type = (internal != null) ? "internal/" + internal : typeOf(event);
		if (event != null && event.mode() == EventMode.STANDBY) {
			// Another channel (e.g. a staff chat tool) is active for this chat: watch,
			// never answer.
			logLine(inbound, type, "standby", null, started);
			return SessionWrite.KEEP;
		}
		ConversationSession session = this.sessions.decode(storedSession);
		if (session.hasApplied(inbound.key())) {
			logLine(inbound, type, "already-applied", null, started);
			return SessionWrite.KEEP;
		}
		Context context = new Context(inbound, session, Lang.fromCode(session.lang()), this.clock.instant());
		Turn turn;
		LoadingIndicator.Watch watch = this.loading.watch(answeredUser(event));
		try {
			turn = (event == null) ? onInternal(context, internal) : decide(event, context);
		}
		finally {
			watch.close();
		}
		SessionWrite write = turn.forget() ? this.sessions.deleting(session)
				: this.sessions.saving(turn.session(), inbound.key());
		LineMessenger.Delivery delivery = null;
		if (!turn.messages().isEmpty()) {
			try {
				delivery = this.messenger.reply((event != null) ? replyToken(event) : null, inbound.chatKey(),
						turn.messages(), retryKey(inbound.key()), replayed);
			}
			catch (RuntimeException ex) {
				logLine(inbound, type, turn.outcome(), LineMessenger.Delivery.FAILED, started);
				throw new DeliveryFailedException(write, ex);
			}
		}
		logLine(inbound, type, turn.outcome(), delivery, started);
		return write;
	}

	private Turn decide(Event event, Context context) {
		boolean oneToOne = event.source() instanceof UserSource;
		ConversationSession session = context.session();
		Lang lang = context.lang();
		return switch (event) {
			case FollowEvent follow -> Turn.answer(session, "greeting", this.replies.greeting(lang));
			case UnfollowEvent unfollow -> Turn.forgetSession("unfollowed");
			case JoinEvent join -> Turn.answer(session, "group-greeting", this.replies.groupGreeting(lang));
			case PostbackEvent postback -> onPostback(context, postback.postback().data(), oneToOne);
			case MessageEvent message -> onMessage(context, message.message(), oneToOne);
			default -> Turn.silent(session, "ignored");
		};
	}

	private Turn onMessage(Context context, MessageContent content, boolean oneToOne) {
		ConversationSession session = context.session();
		Lang lang = context.lang();
		if (content instanceof TextMessageContent text) {
			if (!oneToOne) {
				// In groups the bot speaks only when called, not on every chat line.
				boolean called = this.intents.recognize(text.text())
					.filter((match) -> match.intent() == Intent.HELP)
					.isPresent();
				return called ? Turn.answer(session, "help", this.replies.help(lang))
						: Turn.silent(session, "group-chatter");
			}
			return onText(context, text.text());
		}
		if (!oneToOne) {
			return Turn.silent(session, "group-chatter");
		}
		String kind = switch (content) {
			case StickerMessageContent sticker -> "sticker";
			case ImageMessageContent image -> "image";
			case VideoMessageContent video -> "video";
			case AudioMessageContent audio -> "audio";
			case FileMessageContent file -> "file";
			case LocationMessageContent location -> "location";
			default -> "other";
		};
		if (isPaused(session)) {
			this.desk.keep(context.chatKey(), "[" + kind + "]", context.now());
			return Turn.silent(session, "kept-for-staff");
		}
		return kind.equals("sticker") ? Turn.answer(session, "sticker", this.replies.sticker(lang))
				: Turn.answer(session, "media", this.replies.media(lang, kind));
	}

	private Turn onText(Context context, String text) {
		ConversationSession session = context.session();
		Optional<IntentMatch> intent = this.intents.recognize(text);
		if (isPaused(session)) {
			return onPausedText(context, text, intent);
		}
		if (DELETE_FLOW.equals(session.flow())) {
			return onDeleteAnswer(context, text, intent);
		}
		if (intent.isPresent()) {
			return onIntent(context, intent.get());
		}
		return onQuestion(context, text);
	}

	private Turn onPostback(Context context, String data, boolean oneToOne) {
		ConversationSession session = context.session();
		Lang lang = context.lang();
		String value = (data != null) ? data : "";
		if (isPaused(session)) {
			// A button pressed while staff have the chat: a cancel still works, the rest
			// waits for staff.
			Optional<IntentMatch> intent = this.intents.fromPostback(value);
			return onPausedText(context, "", intent);
		}
		if (value.startsWith(Replies.FAQ_PREFIX)) {
			Optional<FaqEntry> entry = this.knowledge.entry(value.substring(Replies.FAQ_PREFIX.length()));
			return entry.map((found) -> answerWith(session, lang, found, "faq-button"))
				.orElseGet(() -> Turn.answer(session, "unknown-postback", this.replies.unknownButton(lang)));
		}
		Optional<IntentMatch> intent = this.intents.fromPostback(value);
		if (intent.isPresent() && oneToOne) {
			return onIntent(context, intent.get());
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case Replies.ABOUT -> Turn.answer(session, "about", this.replies.about(lang));
			case Replies.HELP -> Turn.answer(session, "help", this.replies.help(lang));
			default -> Turn.answer(session, "unknown-postback", this.replies.unknownButton(lang));
		};
	}

	private Turn onIntent(Context context, IntentMatch match) {
		ConversationSession session = context.session();
		Lang lang = context.lang();
		return switch (match.intent()) {
			case GREETING -> Turn.answer(session, "hello", this.replies.greetingHello(lang, popular()));
			case THANKS -> Turn.answer(session, "thanks", this.replies.plain(lang, MessageKey.THANKS));
			case HELP -> Turn.answer(session, "help", this.replies.help(lang));
			case REGISTER -> Turn.answer(session, "register", this.replies.registration(lang, isClosed(context)));
			case STATUS -> Turn.answer(session, "status", this.replies.withStaffButton(lang, MessageKey.STATUS_NONE));
			case WEEKLY_UPDATE -> Turn.answer(session, "weekly-update",
					this.replies.withStaffButton(lang, MessageKey.WEEKLY_NOT_AMBASSADOR));
			case TALK_TO_STAFF -> requestStaff(context);
			case CANCEL -> Turn.answer(session.withStep(null, null), "cancel-nothing",
					this.replies.plain(lang, MessageKey.CANCEL_NOTHING));
			case DELETE_MY_DATA -> Turn.answer(session.withStep(DELETE_FLOW, "confirm"), "delete-confirm",
					this.replies.yesNo(lang, MessageKey.DELETE_CONFIRM));
			case CHANGE_LANGUAGE -> changeLanguage(session, lang, match);
		};
	}

	private Turn onQuestion(Context context, String text) {
		ConversationSession session = context.session().withValue(LAST_QUESTION, truncate(text));
		Lang lang = answerLanguage(context.lang(), text);
		FaqResult result = this.faq.ask(text);
		return switch (result) {
			case FaqResult.Answer answer -> answerWith(session, lang, entry(answer.match().id()), "faq-answer");
			case FaqResult.Unsure unsure -> Turn.answer(session, "faq-unsure",
					this.replies.faqUnsure(lang, text, unsure.closest().stream().map((m) -> entry(m.id())).toList()));
			case FaqResult.NoMatch none ->
				Turn.answer(session, "faq-fallback", this.replies.faqNoMatch(lang, text, popular()));
		};
	}

	private Turn answerWith(ConversationSession session, Lang lang, FaqEntry entry, String outcome) {
		Date deadline = Date.from(this.program.deadlineDay().toInstant());
		return Turn.answer(session, outcome,
				this.replies.faqAnswer(lang, this.knowledge.answer(entry, lang, deadline)));
	}

	private Turn requestStaff(Context context) {
		ConversationSession session = context.session();
		Lang lang = context.lang();
		String ref = HandoffDesk.reference(context.inbound().key());
		String question = session.values().getOrDefault(LAST_QUESTION, "");
		this.desk.open(context.chatKey(), ref, lang.code(), question, context.now());
		notifyStaff(context, ref, question);
		OfficeHours hours = this.handoff.officeHours();
		List<Message> messages;
		if (hours.isOpen(context.now())) {
			messages = this.replies.plain(lang, MessageKey.HANDOFF_REQUESTED_OPEN,
					Map.of("ref", ref, "closes", Date.from(hours.closingToday(context.now()).toInstant())));
		}
		else {
			messages = this.replies.plain(lang, MessageKey.HANDOFF_REQUESTED_CLOSED,
					Map.of("ref", ref, "opens", Date.from(hours.nextOpening(context.now()).toInstant())));
		}
		ConversationSession paused = session.withStep(null, null)
			.withValue(HANDOFF_REF, ref)
			.withValue(HANDOFF_SINCE, context.now().toString());
		return Turn.answer(paused, "handoff-requested", messages);
	}

	private void notifyStaff(Context context, String ref, String question) {
		List<Message> notice = this.replies.staffNotice(ref, Date.from(context.now()), context.lang(), question);
		String key = context.inbound().key();
		if (!this.handoff.staffGroupId().isBlank()) {
			this.messenger.push(this.handoff.staffGroupId(), notice, staffRetryKey(key, "group"));
		}
		if (!this.handoff.staffUserIds().isEmpty()) {
			this.messenger.multicast(this.handoff.staffUserIds(), notice, staffRetryKey(key, "users"));
		}
		if (this.handoff.staffGroupId().isBlank() && this.handoff.staffUserIds().isEmpty()) {
			log.atWarn()
				.setMessage("hand-off requested but no staff channel is configured (BOT_HANDOFF_STAFF_GROUP_ID)")
				.addKeyValue("ref", ref)
				.log();
		}
	}

	private Turn onPausedText(Context context, String text, Optional<IntentMatch> intent) {
		ConversationSession session = context.session();
		Lang lang = context.lang();
		String ref = session.values().get(HANDOFF_REF);
		if (!text.isEmpty()) {
			// Whatever the user writes while waiting is for staff: kept, never lost.
			this.desk.keep(context.chatKey(), text, context.now());
		}
		Instant since = Instant.parse(session.values().get(HANDOFF_SINCE));
		if (context.now().isAfter(since.plus(this.handoff.maxPause()))) {
			this.desk.close(context.chatKey());
			return Turn.answer(resumed(session), "handoff-expired",
					this.replies.plain(lang, MessageKey.HANDOFF_EXPIRED, Map.of("ref", ref)));
		}
		if (intent.filter((match) -> match.intent() == Intent.CANCEL).isPresent()) {
			this.desk.close(context.chatKey());
			return Turn.answer(resumed(session), "handoff-cancelled",
					this.replies.plain(lang, MessageKey.HANDOFF_CANCELLED));
		}
		return Turn.silent(session, "kept-for-staff");
	}

	private Turn onInternal(Context context, String type) {
		ConversationSession session = context.session();
		if (HandoffDesk.RELEASE.equals(type)) {
			if (!isPaused(session)) {
				return Turn.silent(session, "release-not-paused");
			}
			this.desk.close(context.chatKey());
			return Turn.answer(resumed(session), "handoff-released",
					this.replies.plain(context.lang(), MessageKey.HANDOFF_RELEASED));
		}
		throw new IllegalStateException("Unknown internal event type '" + type + "'");
	}

	private Turn onDeleteAnswer(Context context, String text, Optional<IntentMatch> intent) {
		ConversationSession session = context.session();
		Lang lang = context.lang();
		if (intent.filter((match) -> match.intent() == Intent.CANCEL).isPresent()) {
			return Turn.answer(session.withStep(null, null), "delete-kept",
					this.replies.plain(lang, MessageKey.DELETE_KEPT));
		}
		Parsed<YesNo> answer = YES_NO.parse(text);
		if (answer instanceof Parsed.Valid<YesNo> valid) {
			if (valid.value() == YesNo.YES) {
				this.desk.forget(context.chatKey());
				return Turn.forgetSession("data-deleted", this.replies.plain(lang, MessageKey.DELETE_DONE));
			}
			return Turn.answer(session.withStep(null, null), "delete-kept",
					this.replies.plain(lang, MessageKey.DELETE_KEPT));
		}
		return Turn.answer(session, "delete-reprompt", this.replies.yesNo(lang, MessageKey.DELETE_REPROMPT));
	}

	private Turn changeLanguage(ConversationSession session, Lang lang, IntentMatch match) {
		Lang next = match.hasArgument() ? Lang.fromCode(match.argument()) : ((lang == Lang.TH) ? Lang.EN : Lang.TH);
		return Turn.answer(session.withLang(next.code()), "language-" + next.code(),
				this.replies.plain(next, MessageKey.LANGUAGE_CHANGED));
	}

	private boolean isClosed(Context context) {
		ZonedDateTime lastDayEnds = this.program.deadlineDay().plusDays(1);
		return !context.now().isBefore(lastDayEnds.toInstant());
	}

	private List<FaqEntry> popular() {
		return this.faqProperties.popularTopics().stream().map(this::entry).toList();
	}

	private FaqEntry entry(String id) {
		return this.knowledge.entry(id)
			.orElseThrow(() -> new IllegalStateException("The FAQ index returned '" + id + "', which the FAQ lacks"));
	}

	private static boolean isPaused(ConversationSession session) {
		return session.values().containsKey(HANDOFF_REF);
	}

	private static ConversationSession resumed(ConversationSession session) {
		return session.withoutValue(HANDOFF_REF).withoutValue(HANDOFF_SINCE);
	}

	/**
	 * A question asked in English gets its answer in English, whatever the chat's
	 * language.
	 */
	static Lang answerLanguage(Lang chat, String text) {
		long thai = text.chars().filter((c) -> ThaiText.isThai((char) c)).count();
		long latin = text.chars().filter((c) -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')).count();
		return (thai == 0 && latin >= 3) ? Lang.EN : chat;
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_KEPT_QUESTION) ? text : text.substring(0, MAX_KEPT_QUESTION);
	}

	private static String answeredUser(Event event) {
		if (event instanceof MessageEvent message && event.source() instanceof UserSource user
				&& message.message() instanceof TextMessageContent) {
			return user.userId();
		}
		return null;
	}

	private static UUID staffRetryKey(String eventKey, String channel) {
		return UUID.nameUUIDFromBytes(("handoff:" + channel + ":" + eventKey).getBytes(StandardCharsets.UTF_8));
	}

	private static Event parse(InboundEvent inbound) {
		try {
			return LINE_JSON.readValue(inbound.json(), Event.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Event " + inbound.key() + " is not a LINE event", ex);
		}
	}

	private static String replyToken(Event event) {
		if (event instanceof com.linecorp.bot.webhook.model.ReplyEvent reply) {
			return reply.replyToken();
		}
		return null;
	}

	/**
	 * The same event always pushes under the same retry key, so LINE drops a replayed
	 * push.
	 */
	static UUID retryKey(String eventKey) {
		return UUID.nameUUIDFromBytes(("reply:" + eventKey).getBytes(StandardCharsets.UTF_8));
	}

	private static String typeOf(Event event) {
		if (event instanceof MessageEvent message && message.message() != null) {
			return "message/" + message.message()
				.getClass()
				.getSimpleName()
				.replace("MessageContent", "")
				.toLowerCase(Locale.ROOT);
		}
		return event.getClass().getSimpleName().replace("Event", "").toLowerCase(Locale.ROOT);
	}

	private static void logLine(InboundEvent inbound, String type, String outcome, LineMessenger.Delivery delivery,
			long started) {
		log.atInfo()
			.setMessage("event handled")
			.addKeyValue("event", inbound.key())
			.addKeyValue("type", type)
			.addKeyValue("chat", LogSafe.chat(inbound.chatKey()))
			.addKeyValue("outcome", outcome)
			.addKeyValue("delivery", (delivery != null) ? delivery.name().toLowerCase(Locale.ROOT) : "none")
			.addKeyValue("ms", (System.nanoTime() - started) / 1_000_000)
			.log();
	}

	/** The event being handled and what it is handled against. */
	private record Context(InboundEvent inbound, ConversationSession session, Lang lang, Instant now) {

		String chatKey() {
			return this.inbound.chatKey();
		}

	}

	/**
	 * What one event does: the session after it, what to send, and a word for the log.
	 */
	private record Turn(ConversationSession session, List<Message> messages, String outcome, boolean forget) {

		static Turn answer(ConversationSession session, String outcome, List<Message> messages) {
			return new Turn(session, messages, outcome, false);
		}

		static Turn silent(ConversationSession session, String outcome) {
			return new Turn(session, List.of(), outcome, false);
		}

		static Turn forgetSession(String outcome) {
			return new Turn(null, List.of(), outcome, true);
		}

		static Turn forgetSession(String outcome, List<Message> messages) {
			return new Turn(null, messages, outcome, true);
		}

	}

}
