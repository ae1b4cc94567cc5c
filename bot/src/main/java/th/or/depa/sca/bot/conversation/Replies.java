package th.or.depa.sca.bot.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.messaging.model.FlexContainer;
import com.linecorp.bot.messaging.model.FlexMessage;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.MessageAction;
import com.linecorp.bot.messaging.model.PostbackAction;
import com.linecorp.bot.messaging.model.QuickReply;
import com.linecorp.bot.messaging.model.QuickReplyItem;
import com.linecorp.bot.messaging.model.TextMessage;
import th.or.depa.sca.nlp.intent.Intent;
import th.or.depa.sca.templates.FlexTemplates;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.MessageCatalog;
import th.or.depa.sca.templates.MessageKey;
import th.or.depa.sca.templates.faq.FaqEntry;

import org.springframework.stereotype.Component;

/**
 * Builds the LINE messages of each answer from the catalog and the Flex templates; the
 * kit every flow builds its messages with.
 */
@Component
public class Replies {

	private static final int MAX_QUOTE = 60;

	private static final ObjectMapper LINE_JSON = ModelObjectMapper.createNewObjectMapper();

	private final MessageCatalog catalog;

	private final FlexTemplates flex;

	private final ProgramProperties program;

	Replies(MessageCatalog catalog, FlexTemplates flex, ProgramProperties program) {
		this.catalog = catalog;
		this.flex = flex;
		this.program = program;
	}

	public List<Message> greeting(Lang lang) {
		return List.of(textWithMenu(lang, this.catalog.text(lang, MessageKey.GREETING_FOLLOW)));
	}

	public List<Message> groupGreeting(Lang lang) {
		return List.of(new TextMessage(this.catalog.text(lang, MessageKey.GREETING_GROUP)));
	}

	public List<Message> help(Lang lang) {
		return List.of(flex(this.catalog.text(lang, MessageKey.HELP_ALT_TEXT), this.flex.render("help", lang)));
	}

	/** A Flex message from a rendered Flex template. */
	public Message flex(String altText, String json) {
		try {
			return new FlexMessage(altText, LINE_JSON.readValue(json, FlexContainer.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A Flex template is not a valid Flex container: " + altText, ex);
		}
	}

	/**
	 * What the program is, with where applying stands today and, when no round is open,
	 * the offer to be told when one opens.
	 */
	public List<Message> about(Lang lang, String status, boolean offerNextRound) {
		Map<String, Object> args = Map.of("youth", this.program.youthSeats(), "cities", this.program.citySeats(),
				"status", status);
		String text = this.catalog.text(lang, MessageKey.PROGRAM_ABOUT, args);
		return offerNextRound
				? List.of(textWithQuickReplies(text,
						List.of(notifyNextRoundItem(lang), menuItem(lang), talkToStaffItem(lang))))
				: List.of(textWithMenu(lang, text));
	}

	public List<Message> faqAnswer(Lang lang, String answer) {
		return List.of(textWithQuickReplies(answer, List.of(menuItem(lang), talkToStaffItem(lang), aboutItem(lang))));
	}

	/** A FAQ answer that says applying is not open, with the offer to be told. */
	public List<Message> faqAnswerOfferingNextRound(Lang lang, String answer) {
		return List.of(textWithQuickReplies(answer,
				List.of(notifyNextRoundItem(lang), menuItem(lang), talkToStaffItem(lang), aboutItem(lang))));
	}

	/** A text with the offer to be told when the next round opens. */
	public List<Message> offeringNextRound(Lang lang, MessageKey key, Map<String, ?> args) {
		return List.of(textWithQuickReplies(this.catalog.text(lang, key, args),
				List.of(notifyNextRoundItem(lang), menuItem(lang), talkToStaffItem(lang))));
	}

	/** A text with a cancel button, e.g. while waiting for staff. */
	public List<Message> withCancel(Lang lang, MessageKey key, Map<String, ?> args) {
		return List.of(textWithQuickReplies(this.catalog.text(lang, key, args), List.of(cancelItem(lang))));
	}

	/** A text with the given quick replies. */
	public TextMessage text(String text, List<QuickReplyItem> items) {
		return textWithQuickReplies(text, items);
	}

	/** A quick reply that taps a postback, showing its label as what the user said. */
	public static QuickReplyItem button(String label, String data) {
		return new QuickReplyItem(new PostbackAction(label, data, label, null, null, null));
	}

	/**
	 * The language to answer a typed message in: English for a message in English (no
	 * Thai letters, at least three Latin ones), else the chat's.
	 */
	public static Lang languageOf(Lang chat, String text) {
		long thai = text.chars().filter((c) -> th.or.depa.sca.nlp.ThaiText.isThai((char) c)).count();
		long latin = text.chars().filter((c) -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')).count();
		return (thai == 0 && latin >= 3) ? Lang.EN : chat;
	}

	/** The catalog, for flows that compose their own sentences. */
	public MessageCatalog catalog() {
		return this.catalog;
	}

	/** The quick replies most answers carry: the menu and "about". */
	public List<QuickReplyItem> menuItems(Lang lang) {
		return List.of(menuItem(lang), aboutItem(lang));
	}

	private QuickReplyItem notifyNextRoundItem(Lang lang) {
		return button(this.catalog.text(lang, MessageKey.ACTION_NOTIFY_NEXT_ROUND),
				Postbacks.command(Intent.NOTIFY_NEXT_ROUND));
	}

	private QuickReplyItem cancelItem(Lang lang) {
		return button(this.catalog.text(lang, MessageKey.ACTION_CANCEL), Postbacks.command(Intent.CANCEL));
	}

	/** Not sure which entry was meant: the closest topics as buttons, and staff. */
	public List<Message> faqUnsure(Lang lang, String question, List<FaqEntry> closest) {
		return List
			.of(textWithQuickReplies(this.catalog.text(lang, MessageKey.FAQ_UNSURE, Map.of("text", quote(question))),
					topicsAndStaff(lang, closest)));
	}

	/** No answer: say so without guessing, offer popular topics and staff. */
	public List<Message> faqNoMatch(Lang lang, String question, List<FaqEntry> popular) {
		return List
			.of(textWithQuickReplies(this.catalog.text(lang, MessageKey.FAQ_NO_MATCH, Map.of("text", quote(question))),
					topicsAndStaff(lang, popular)));
	}

	public List<Message> plain(Lang lang, MessageKey key) {
		return List.of(textWithMenu(lang, this.catalog.text(lang, key)));
	}

	public List<Message> plain(Lang lang, MessageKey key, Map<String, ?> args) {
		return List.of(textWithMenu(lang, this.catalog.text(lang, key, args)));
	}

	public List<Message> greetingHello(Lang lang, List<FaqEntry> popular) {
		return List.of(textWithQuickReplies(this.catalog.text(lang, MessageKey.GREETING_HELLO),
				topicsAndStaff(lang, popular)));
	}

	public List<Message> withStaffButton(Lang lang, MessageKey key) {
		return List
			.of(textWithQuickReplies(this.catalog.text(lang, key), List.of(talkToStaffItem(lang), menuItem(lang))));
	}

	/** A yes/no question, with both answers as buttons. */
	public List<Message> yesNo(Lang lang, MessageKey key) {
		String yes = this.catalog.text(lang, MessageKey.ACTION_YES);
		String no = this.catalog.text(lang, MessageKey.ACTION_NO);
		return List.of(textWithQuickReplies(this.catalog.text(lang, key), List
			.of(new QuickReplyItem(new MessageAction(yes, yes)), new QuickReplyItem(new MessageAction(no, no)))));
	}

	/**
	 * The notice staff get in their group or chats; always in Thai, the staff's language.
	 */
	public List<Message> staffNotice(String ref, Date at, Lang userLang, String question) {
		return List.of(new TextMessage(this.catalog.text(Lang.TH, MessageKey.HANDOFF_STAFF_NOTICE, Map.of("ref", ref,
				"at", at, "lang", userLang.code(), "question", question.isEmpty() ? "-" : question))));
	}

	private List<QuickReplyItem> topicsAndStaff(Lang lang, List<FaqEntry> topics) {
		List<QuickReplyItem> items = new ArrayList<>();
		for (FaqEntry entry : topics) {
			String label = entry.topic(lang);
			items
				.add(new QuickReplyItem(new PostbackAction(label, Postbacks.faq(entry.id()), label, null, null, null)));
		}
		items.add(talkToStaffItem(lang));
		return items;
	}

	private QuickReplyItem talkToStaffItem(Lang lang) {
		String label = this.catalog.text(lang, MessageKey.ACTION_TALK_TO_STAFF);
		return new QuickReplyItem(
				new PostbackAction(label, Postbacks.command(Intent.TALK_TO_STAFF), label, null, null, null));
	}

	private QuickReplyItem menuItem(Lang lang) {
		String menu = this.catalog.text(lang, MessageKey.ACTION_MENU);
		return new QuickReplyItem(new MessageAction(menu, menu));
	}

	private QuickReplyItem aboutItem(Lang lang) {
		String about = this.catalog.text(lang, MessageKey.ACTION_ABOUT);
		return new QuickReplyItem(new PostbackAction(about, Postbacks.about(), about, null, null, null));
	}

	private static TextMessage textWithQuickReplies(String text, List<QuickReplyItem> items) {
		return new TextMessage(new QuickReply(items), null, text, null, null);
	}

	/**
	 * The user's words quoted back: short, on one line, without quote marks of their own.
	 */
	public static String quote(String text) {
		String line = text.replaceAll("[\\s“”\"]+", " ").strip();
		return (line.codePointCount(0, line.length()) <= MAX_QUOTE) ? line
				: line.substring(0, line.offsetByCodePoints(0, MAX_QUOTE)) + "…";
	}

	public List<Message> sticker(Lang lang) {
		return List.of(textWithMenu(lang, this.catalog.text(lang, MessageKey.STICKER_RECEIVED)));
	}

	public List<Message> media(Lang lang, String kind) {
		return List.of(textWithMenu(lang, this.catalog.text(lang, MessageKey.MEDIA_RECEIVED, Map.of("kind", kind))));
	}

	public List<Message> unknownButton(Lang lang) {
		return List.of(textWithMenu(lang, this.catalog.text(lang, MessageKey.POSTBACK_UNKNOWN)));
	}

	private TextMessage textWithMenu(Lang lang, String text) {
		return textWithQuickReplies(text, List.of(menuItem(lang), aboutItem(lang)));
	}

}
