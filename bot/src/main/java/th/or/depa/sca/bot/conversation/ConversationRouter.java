package th.or.depa.sca.bot.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

	// Until the nlp module's intent recognizer arrives (issue 3), the words that open the
	// menu.
	private static final Set<String> MENU_WORDS = Set.of("เมนู", "menu", "help", "ช่วยเหลือ", "วิธีใช้", "?");

	private final SessionStore sessions;

	private final LineMessenger messenger;

	private final Replies replies;

	ConversationRouter(SessionStore sessions, LineMessenger messenger, Replies replies) {
		this.sessions = sessions;
		this.messenger = messenger;
		this.replies = replies;
	}

	@Override
	public SessionWrite process(InboundEvent inbound, String storedSession, boolean replayed) {
		long started = System.nanoTime();
		Event event = parse(inbound);
		String type = typeOf(event);
		if (event.mode() == EventMode.STANDBY) {
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
		Turn turn = decide(event, session, Lang.fromCode(session.lang()));
		SessionWrite write = turn.forget() ? this.sessions.deleting(session)
				: this.sessions.saving(turn.session(), inbound.key());
		LineMessenger.Delivery delivery = null;
		if (!turn.messages().isEmpty()) {
			try {
				delivery = this.messenger.reply(replyToken(event), inbound.chatKey(), turn.messages(),
						retryKey(inbound.key()), replayed);
			}
			catch (RuntimeException ex) {
				logLine(inbound, type, turn.outcome(), LineMessenger.Delivery.FAILED, started);
				throw new DeliveryFailedException(write, ex);
			}
		}
		logLine(inbound, type, turn.outcome(), delivery, started);
		return write;
	}

	private Turn decide(Event event, ConversationSession session, Lang lang) {
		boolean oneToOne = event.source() instanceof UserSource;
		return switch (event) {
			case FollowEvent follow -> Turn.answer(session, "greeting", this.replies.greeting(lang));
			case UnfollowEvent unfollow -> Turn.forgetSession("unfollowed");
			case JoinEvent join -> Turn.answer(session, "group-greeting", this.replies.groupGreeting(lang));
			case PostbackEvent postback -> onPostback(session, lang, postback.postback().data());
			case MessageEvent message -> onMessage(session, lang, message.message(), oneToOne);
			default -> Turn.silent(session, "ignored");
		};
	}

	private Turn onMessage(ConversationSession session, Lang lang, MessageContent content, boolean oneToOne) {
		if (content instanceof TextMessageContent text) {
			String normalized = ThaiText.normalize(text.text());
			if (MENU_WORDS.contains(normalized)) {
				return Turn.answer(session, "help", this.replies.help(lang));
			}
			if (!oneToOne) {
				// In groups the bot speaks only when called, not on every chat line.
				return Turn.silent(session, "group-chatter");
			}
			return Turn.answer(session, "echo", this.replies.echo(lang, text.text()));
		}
		if (!oneToOne) {
			return Turn.silent(session, "group-chatter");
		}
		return switch (content) {
			case StickerMessageContent sticker -> Turn.answer(session, "sticker", this.replies.sticker(lang));
			case ImageMessageContent image -> Turn.answer(session, "media", this.replies.media(lang, "image"));
			case VideoMessageContent video -> Turn.answer(session, "media", this.replies.media(lang, "video"));
			case AudioMessageContent audio -> Turn.answer(session, "media", this.replies.media(lang, "audio"));
			case FileMessageContent file -> Turn.answer(session, "media", this.replies.media(lang, "file"));
			case LocationMessageContent location -> Turn.answer(session, "media", this.replies.media(lang, "location"));
			default -> Turn.answer(session, "media", this.replies.media(lang, "other"));
		};
	}

	private Turn onPostback(ConversationSession session, Lang lang, String data) {
		return switch (data == null ? "" : data.toLowerCase(Locale.ROOT)) {
			case Replies.ABOUT -> Turn.answer(session, "about", this.replies.about(lang));
			case Replies.HELP -> Turn.answer(session, "help", this.replies.help(lang));
			default -> Turn.answer(session, "unknown-postback", this.replies.unknownButton(lang));
		};
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

	}

}
