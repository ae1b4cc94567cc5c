package th.or.depa.sca.bot.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import th.or.depa.sca.templates.FlexTemplates;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.MessageCatalog;
import th.or.depa.sca.templates.MessageKey;

import org.springframework.stereotype.Component;

/**
 * Builds the LINE messages of each answer from the catalog and the Flex templates.
 */
@Component
class Replies {

	/** Postback data of the "about the program" buttons. */
	static final String ABOUT = "action=about";

	/** Postback data of the help menu buttons. */
	static final String HELP = "action=help";

	private static final ObjectMapper LINE_JSON = ModelObjectMapper.createNewObjectMapper();

	private final MessageCatalog catalog;

	private final FlexTemplates flex;

	private final ProgramProperties program;

	Replies(MessageCatalog catalog, FlexTemplates flex, ProgramProperties program) {
		this.catalog = catalog;
		this.flex = flex;
		this.program = program;
	}

	List<Message> greeting(Lang lang) {
		return List.of(textWithMenu(lang, this.catalog.text(lang, MessageKey.GREETING_FOLLOW)));
	}

	List<Message> groupGreeting(Lang lang) {
		return List.of(new TextMessage(this.catalog.text(lang, MessageKey.GREETING_GROUP)));
	}

	List<Message> help(Lang lang) {
		String json = this.flex.render("help", lang);
		try {
			FlexContainer contents = LINE_JSON.readValue(json, FlexContainer.class);
			return List.of(new FlexMessage(this.catalog.text(lang, MessageKey.HELP_ALT_TEXT), contents));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Flex template 'help' is not a valid Flex container", ex);
		}
	}

	List<Message> about(Lang lang) {
		Map<String, Object> args = Map.of("youth", this.program.youthSeats(), "cities", this.program.citySeats(),
				"deadline", Date.from(this.program.deadlineDay().toInstant()));
		return List.of(textWithMenu(lang, this.catalog.text(lang, MessageKey.PROGRAM_ABOUT, args)));
	}

	List<Message> echo(Lang lang, String text) {
		return List.of(textWithMenu(lang, this.catalog.text(lang, MessageKey.ECHO, Map.of("text", text))));
	}

	List<Message> sticker(Lang lang) {
		return List.of(textWithMenu(lang, this.catalog.text(lang, MessageKey.STICKER_RECEIVED)));
	}

	List<Message> media(Lang lang, String kind) {
		return List.of(textWithMenu(lang, this.catalog.text(lang, MessageKey.MEDIA_RECEIVED, Map.of("kind", kind))));
	}

	List<Message> unknownButton(Lang lang) {
		return List.of(textWithMenu(lang, this.catalog.text(lang, MessageKey.POSTBACK_UNKNOWN)));
	}

	private TextMessage textWithMenu(Lang lang, String text) {
		String menu = this.catalog.text(lang, MessageKey.ACTION_MENU);
		String about = this.catalog.text(lang, MessageKey.ACTION_ABOUT);
		QuickReply quickReply = new QuickReply(List.of(new QuickReplyItem(new MessageAction(menu, menu)),
				new QuickReplyItem(new PostbackAction(about, ABOUT, about, null, null, null))));
		return new TextMessage(quickReply, null, text, null, null);
	}

}
