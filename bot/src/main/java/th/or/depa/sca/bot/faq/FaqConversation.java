package th.or.depa.sca.bot.faq;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linecorp.bot.messaging.model.Message;
import th.or.depa.sca.bot.conversation.Decision;
import th.or.depa.sca.bot.conversation.IdleHandler;
import th.or.depa.sca.bot.conversation.Input;
import th.or.depa.sca.bot.conversation.Postbacks;
import th.or.depa.sca.bot.conversation.ProgramProperties;
import th.or.depa.sca.bot.conversation.Questions;
import th.or.depa.sca.bot.conversation.Replies;
import th.or.depa.sca.bot.conversation.Turn;
import th.or.depa.sca.bot.rounds.ApplyingStatus;
import th.or.depa.sca.bot.session.ConversationSession;
import th.or.depa.sca.nlp.faq.FaqIndex;
import th.or.depa.sca.nlp.faq.FaqResult;
import th.or.depa.sca.nlp.intent.IntentMatch;
import th.or.depa.sca.nlp.parse.Parsed;
import th.or.depa.sca.nlp.parse.YesNoParser;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.MessageKey;
import th.or.depa.sca.templates.faq.FaqEntry;
import th.or.depa.sca.templates.faq.FaqKnowledgeBase;

import org.springframework.stereotype.Component;

/**
 * An idle chat: greetings, the menu, media, and every question answered from the FAQ
 * knowledge base, never guessed.
 */
@Component
class FaqConversation implements IdleHandler, Questions {

	private static final int MAX_KEPT_QUESTION = 300;

	/** LINE's limit on the messages of one reply. */
	private static final int MAX_REPLY_MESSAGES = 5;

	private final FaqIndex faq;

	private final FaqKnowledgeBase knowledge;

	private final FaqProperties properties;

	private final ProgramProperties program;

	private static final YesNoParser YES_NO = new YesNoParser();

	// A message that is only an acknowledgement, a laugh or an emoji says nothing the
	// FAQ could answer: "ok", "โอเค", "555", "อืม", "👍".
	private static final java.util.regex.Pattern BARE = java.util.regex.Pattern.compile(
			"(?iu)(?:ok(?:ay)?|k+|โอเค|โอเคร|อืม+|อ๋อ+|อ้อ+|เค+|555+|ฮ่า+|haha+|lol|hmm+|\\?+|[\\p{So}\\p{Sk}\\p{Cs}\\uFE0F\\u200D\\s.!]+)"
					+ "(?:\\s*(?:ครับ|คับ|ค่ะ|คะ|จ้า|นะ|จ้ะ|งับ))*[\\s.!~]*");

	private final Replies replies;

	private final ApplyingStatus status;

	FaqConversation(FaqIndex faq, FaqKnowledgeBase knowledge, FaqProperties properties, ProgramProperties program,
			Replies replies, ApplyingStatus status) {
		this.faq = faq;
		this.knowledge = knowledge;
		this.properties = properties;
		this.program = program;
		this.replies = replies;
		this.status = status;
	}

	@Override
	public Decision handle(Turn turn, Input input) {
		ConversationSession session = turn.session();
		Lang lang = turn.lang();
		return switch (input) {
			case Input.Follow follow -> Decision.answer(session, "greeting", this.replies.greeting(lang));
			case Input.Text text ->
				text.intent().isPresent() ? command(turn, text.intent().get()) : question(turn, text.text());
			case Input.Postback postback -> button(turn, postback);
			case Input.Media media ->
				media.kind().equals("sticker") ? Decision.answer(session, "sticker", this.replies.sticker(lang))
						: Decision.answer(session, "media", this.replies.media(lang, media.kind()));
			default -> Decision.silent(session, "ignored");
		};
	}

	@Override
	public Optional<List<Message>> answerIfKnown(Turn turn, String text) {
		if (isBare(text)) {
			return Optional.empty();
		}
		if (this.faq.ask(text) instanceof FaqResult.Answer answer) {
			return Optional
				.of(answerMessages(turn.inLang(answerLanguage(turn.lang(), text)), entry(answer.match().id())));
		}
		return Optional.empty();
	}

	private Decision command(Turn turn, IntentMatch match) {
		ConversationSession session = turn.session();
		Lang lang = turn.lang();
		return switch (match.intent()) {
			case GREETING -> Decision.answer(session, "hello", this.replies.greetingHello(lang, popular()));
			case THANKS -> Decision.answer(session, "thanks", this.replies.plain(lang, MessageKey.THANKS));
			case RESTART ->
				Decision.answer(session, "restart-nothing", this.replies.plain(lang, MessageKey.CANCEL_NOTHING));
			case WEEKLY_UPDATE -> Decision.answer(session, "weekly-update",
					this.replies.withStaffButton(lang, MessageKey.WEEKLY_NOT_AMBASSADOR));
			default -> Decision.answer(session, "unknown-postback", this.replies.unknownButton(lang));
		};
	}

	private Decision button(Turn turn, Input.Postback postback) {
		ConversationSession session = turn.session();
		Lang lang = turn.lang();
		return switch (postback.action()) {
			case Postbacks.Faq faq -> this.knowledge.entry(faq.id())
				.map((found) -> Decision.answer(session, "faq-button", answerMessages(turn, found)))
				.orElseGet(() -> Decision.answer(session, "unknown-postback", this.replies.unknownButton(lang)));
			case Postbacks.About about -> Decision.answer(session, "about", this.replies.about(lang,
					this.status.sentence(lang, turn.now()), this.status.offersNextRound(turn.now())));
			case Postbacks.Help help -> Decision.answer(session, "help", this.replies.help(lang));
			case Postbacks.Command command -> command(turn, command.match());
			default -> Decision.answer(session, "unknown-postback", this.replies.unknownButton(lang));
		};
	}

	private Decision question(Turn turn, String text) {
		ConversationSession session = turn.session().withLastQuestion(truncate(text));
		Lang lang = answerLanguage(turn.lang(), text);
		if (isBare(text)) {
			return Decision.answer(turn.session(), "bare-word",
					List.of(this.replies.text(
							this.replies.catalog()
								.text(lang, MessageKey.BARE_WORD, Map.of("text", Replies.quote(text))),
							menuAndPopular(lang))));
		}
		java.util.OptionalInt unannounced = this.status.unannouncedRoundAskedAbout(text, turn.now());
		if (unannounced.isPresent()) {
			return Decision.answer(session, "round-not-announced", this.replies.offeringNextRound(lang,
					MessageKey.ROUND_NOT_ANNOUNCED, Map.of("asked", unannounced.getAsInt())));
		}
		FaqIndex.Reading reading = this.faq.read(text);
		if (reading.answers().size() >= 2) {
			return Decision.answer(session, "faq-answers", severalAnswers(turn.inLang(lang), reading.answers()));
		}
		FaqResult result = reading.best();
		return switch (result) {
			case FaqResult.Answer answer ->
				Decision.answer(session, "faq-answer", answerMessages(turn.inLang(lang), entry(answer.match().id())));
			case FaqResult.Unsure unsure -> Decision.answer(session, "faq-unsure", this.replies.faqUnsure(lang, text,
					unsure.closest().stream().map((match) -> entry(match.id())).toList()));
			case FaqResult.NoMatch none ->
				Decision.answer(session, "faq-fallback", this.replies.faqNoMatch(lang, text, popular()));
		};
	}

	/**
	 * The answers to a message that asks about several things, in its order, as many as
	 * fit in one LINE reply (five messages).
	 */
	private List<Message> severalAnswers(Turn turn, List<FaqResult.Answer> answers) {
		List<Message> messages = new java.util.ArrayList<>();
		boolean statusTold = false;
		for (FaqResult.Answer answer : answers) {
			FaqEntry entry = entry(answer.match().id());
			// Where applying stands is said once, with the first answer about applying.
			List<Message> next = answerMessages(turn, entry, !statusTold);
			statusTold |= FaqKnowledgeBase.tellsStatus(entry);
			if (messages.size() + next.size() > MAX_REPLY_MESSAGES) {
				break;
			}
			messages.addAll(next);
		}
		return messages;
	}

	/**
	 * The entry's answer; an answer about applying says where applying stands at this
	 * moment and, when no round is open, offers to tell the user when one opens.
	 */
	private List<Message> answerMessages(Turn turn, FaqEntry entry) {
		return answerMessages(turn, entry, true);
	}

	/**
	 * The entry's answer, with where applying stands unless {@code tellStatus} is false
	 * (said already in this reply); an answer about applying keeps the offer of the next
	 * round either way, as LINE shows the quick replies of a reply's last message only.
	 */
	private List<Message> answerMessages(Turn turn, FaqEntry entry, boolean tellStatus) {
		Lang lang = turn.lang();
		Date deadline = Date.from(this.program.deadlineDay().toInstant());
		if (!FaqKnowledgeBase.tellsStatus(entry)) {
			return this.replies.faqAnswer(lang, this.knowledge.answer(entry, lang, deadline));
		}
		String status = tellStatus ? this.status.sentence(lang, turn.now()) : "";
		String answer = this.knowledge.answer(entry, lang, deadline, status);
		return this.status.offersNextRound(turn.now()) ? this.replies.faqAnswerOfferingNextRound(lang, answer)
				: this.replies.faqAnswer(lang, answer);
	}

	private List<com.linecorp.bot.messaging.model.QuickReplyItem> menuAndPopular(Lang lang) {
		List<com.linecorp.bot.messaging.model.QuickReplyItem> items = new java.util.ArrayList<>(
				this.replies.menuItems(lang));
		for (FaqEntry entry : popular()) {
			items.add(Replies.button(entry.topic(lang), Postbacks.faq(entry.id())));
		}
		return items;
	}

	/**
	 * A bare yes, no, ok, laugh or emoji outside any flow: a reply to nothing the bot
	 * asked, so no FAQ entry should be guessed for it.
	 */
	static boolean isBare(String text) {
		String stripped = text.strip();
		if (stripped.isEmpty()) {
			return true;
		}
		if (stripped.codePointCount(0, stripped.length()) <= 12 && YES_NO.parse(stripped) instanceof Parsed.Valid<?>) {
			return true;
		}
		return BARE.matcher(stripped).matches();
	}

	private List<FaqEntry> popular() {
		return this.properties.popularTopics().stream().map(this::entry).toList();
	}

	private FaqEntry entry(String id) {
		return this.knowledge.entry(id)
			.orElseThrow(() -> new IllegalStateException("The FAQ index returned '" + id + "', which the FAQ lacks"));
	}

	/**
	 * A question asked in English gets its answer in English, whatever the chat's
	 * language.
	 */
	static Lang answerLanguage(Lang chat, String text) {
		return Replies.languageOf(chat, text);
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_KEPT_QUESTION) ? text : text.substring(0, MAX_KEPT_QUESTION);
	}

}
