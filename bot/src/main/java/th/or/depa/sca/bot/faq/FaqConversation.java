package th.or.depa.sca.bot.faq;

import java.util.Date;
import java.util.List;
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
import th.or.depa.sca.bot.session.ConversationSession;
import th.or.depa.sca.nlp.ThaiText;
import th.or.depa.sca.nlp.faq.FaqIndex;
import th.or.depa.sca.nlp.faq.FaqResult;
import th.or.depa.sca.nlp.intent.IntentMatch;
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

	private final FaqIndex faq;

	private final FaqKnowledgeBase knowledge;

	private final FaqProperties properties;

	private final ProgramProperties program;

	private final Replies replies;

	FaqConversation(FaqIndex faq, FaqKnowledgeBase knowledge, FaqProperties properties, ProgramProperties program,
			Replies replies) {
		this.faq = faq;
		this.knowledge = knowledge;
		this.properties = properties;
		this.program = program;
		this.replies = replies;
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
		if (this.faq.ask(text) instanceof FaqResult.Answer answer) {
			return Optional.of(answerMessages(answerLanguage(turn.lang(), text), entry(answer.match().id())));
		}
		return Optional.empty();
	}

	private Decision command(Turn turn, IntentMatch match) {
		ConversationSession session = turn.session();
		Lang lang = turn.lang();
		return switch (match.intent()) {
			case GREETING -> Decision.answer(session, "hello", this.replies.greetingHello(lang, popular()));
			case THANKS -> Decision.answer(session, "thanks", this.replies.plain(lang, MessageKey.THANKS));
			case REGISTER -> Decision.answer(session, "register", this.replies.registration(lang,
					!turn.now().isBefore(this.program.deadlineDay().plusDays(1).toInstant())));
			case STATUS ->
				Decision.answer(session, "status", this.replies.withStaffButton(lang, MessageKey.STATUS_NONE));
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
				.map((found) -> Decision.answer(session, "faq-button", answerMessages(lang, found)))
				.orElseGet(() -> Decision.answer(session, "unknown-postback", this.replies.unknownButton(lang)));
			case Postbacks.About about -> Decision.answer(session, "about", this.replies.about(lang));
			case Postbacks.Help help -> Decision.answer(session, "help", this.replies.help(lang));
			case Postbacks.Command command -> command(turn, command.match());
			default -> Decision.answer(session, "unknown-postback", this.replies.unknownButton(lang));
		};
	}

	private Decision question(Turn turn, String text) {
		ConversationSession session = turn.session().withLastQuestion(truncate(text));
		Lang lang = answerLanguage(turn.lang(), text);
		FaqResult result = this.faq.ask(text);
		return switch (result) {
			case FaqResult.Answer answer ->
				Decision.answer(session, "faq-answer", answerMessages(lang, entry(answer.match().id())));
			case FaqResult.Unsure unsure -> Decision.answer(session, "faq-unsure", this.replies.faqUnsure(lang, text,
					unsure.closest().stream().map((match) -> entry(match.id())).toList()));
			case FaqResult.NoMatch none ->
				Decision.answer(session, "faq-fallback", this.replies.faqNoMatch(lang, text, popular()));
		};
	}

	private List<Message> answerMessages(Lang lang, FaqEntry entry) {
		Date deadline = Date.from(this.program.deadlineDay().toInstant());
		return this.replies.faqAnswer(lang, this.knowledge.answer(entry, lang, deadline));
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
		long thai = text.chars().filter((c) -> ThaiText.isThai((char) c)).count();
		long latin = text.chars().filter((c) -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')).count();
		return (thai == 0 && latin >= 3) ? Lang.EN : chat;
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_KEPT_QUESTION) ? text : text.substring(0, MAX_KEPT_QUESTION);
	}

}
