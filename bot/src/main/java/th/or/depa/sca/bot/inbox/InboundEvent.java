package th.or.depa.sca.bot.inbox;

import java.util.Objects;

/**
 * One webhook event as queued: its de-duplication key, the chat it belongs to and its
 * JSON.
 *
 * @param key the webhookEventId, or a content hash for events without one
 * @param chatKey the user, group or room whose events are handled in order
 * @param json the event object exactly as LINE sent it
 */
public record InboundEvent(String key, String chatKey, String json) {

	public InboundEvent {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(chatKey, "chatKey");
		Objects.requireNonNull(json, "json");
		if (key.indexOf('\n') >= 0) {
			throw new IllegalArgumentException("An event key cannot contain a line break");
		}
	}

	// Queue entries are "key\njson": compact JSON never contains a raw line break.
	String toEntry() {
		return this.key + '\n' + this.json;
	}

	static InboundEvent fromEntry(String chatKey, String entry) {
		int split = entry.indexOf('\n');
		if (split < 0) {
			throw new IllegalStateException("Malformed queue entry for chat " + chatKey);
		}
		return new InboundEvent(entry.substring(0, split), chatKey, entry.substring(split + 1));
	}

}
