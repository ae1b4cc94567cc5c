package th.or.depa.sca.bot.conversation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.linecorp.bot.webhook.model.AudioMessageContent;
import com.linecorp.bot.webhook.model.Event;
import com.linecorp.bot.webhook.model.FileMessageContent;
import com.linecorp.bot.webhook.model.FollowEvent;
import com.linecorp.bot.webhook.model.ImageMessageContent;
import com.linecorp.bot.webhook.model.JoinEvent;
import com.linecorp.bot.webhook.model.LocationMessageContent;
import com.linecorp.bot.webhook.model.MessageContent;
import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.PostbackContent;
import com.linecorp.bot.webhook.model.PostbackEvent;
import com.linecorp.bot.webhook.model.StickerMessageContent;
import com.linecorp.bot.webhook.model.TextMessageContent;
import com.linecorp.bot.webhook.model.UnfollowEvent;
import com.linecorp.bot.webhook.model.VideoMessageContent;
import th.or.depa.sca.bot.inbox.InboundEvent;
import th.or.depa.sca.nlp.intent.IntentRecognizer;

import org.springframework.stereotype.Component;

/**
 * Turns LINE's events into the conversation's {@link Input}s: recognizes typed commands
 * and decodes postback data once, so that no flow looks at raw events.
 */
@Component
class Inputs {

	private final IntentRecognizer intents;

	Inputs(IntentRecognizer intents) {
		this.intents = intents;
	}

	Input of(Event event) {
		return switch (event) {
			case FollowEvent follow -> new Input.Follow();
			case UnfollowEvent unfollow -> new Input.Unfollow();
			case JoinEvent join -> new Input.Join();
			case PostbackEvent postback -> postback(postback.postback());
			case MessageEvent message -> message(message.message());
			default -> new Input.Other(typeOf(event));
		};
	}

	Input internal(InboundEvent inbound) {
		return new Input.Internal(inbound.internalType(), Map.of());
	}

	private Input message(MessageContent content) {
		return switch (content) {
			case TextMessageContent text -> new Input.Text(text.text(), this.intents.recognize(text.text()));
			case StickerMessageContent sticker -> new Input.Media("sticker");
			case ImageMessageContent image -> new Input.Media("image");
			case VideoMessageContent video -> new Input.Media("video");
			case AudioMessageContent audio -> new Input.Media("audio");
			case FileMessageContent file -> new Input.Media("file");
			case LocationMessageContent location -> new Input.Media("location");
			default -> new Input.Media("other");
		};
	}

	private static Input postback(PostbackContent content) {
		String data = (content != null && content.data() != null) ? content.data() : "";
		Map<String, String> params = new LinkedHashMap<>();
		if (content != null && content.params() != null) {
			content.params().forEach((name, value) -> {
				if (value != null) {
					params.put(name, value);
				}
			});
		}
		return new Input.Postback(data, Postbacks.decode(data), params);
	}

	/** The event's type for the log, e.g. {@code message/text} or {@code postback}. */
	static String typeOf(Event event) {
		if (event instanceof MessageEvent message && message.message() != null) {
			return "message/" + message.message()
				.getClass()
				.getSimpleName()
				.replace("MessageContent", "")
				.toLowerCase(Locale.ROOT);
		}
		return event.getClass().getSimpleName().replace("Event", "").toLowerCase(Locale.ROOT);
	}

}
