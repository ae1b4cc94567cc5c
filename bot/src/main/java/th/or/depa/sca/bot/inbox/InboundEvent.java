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

	/** Type prefix of events the bot queues itself (never sent by LINE). */
	public static final String INTERNAL_TYPE_PREFIX = "x-sca-";

	/**
	 * An event the bot itself puts on a chat's queue, so that it runs in order with the
	 * user's events and under the chat's lock (e.g. staff releasing a hand-off).
	 * @param type what happened, without the internal prefix (e.g. "handoff-release")
	 */
	public static InboundEvent internal(String chatKey, String type) {
		if (!type.matches("[a-z-]+")) {
			throw new IllegalArgumentException("Internal event type must be lower-case words: " + type);
		}
		String key = "internal-" + java.util.UUID.randomUUID();
		return new InboundEvent(key, chatKey,
				"{\"type\":\"" + INTERNAL_TYPE_PREFIX + type + "\",\"webhookEventId\":\"" + key + "\"}");
	}

	/** The internal event type (without prefix), or null for an event from LINE. */
	public String internalType() {
		String marker = "{\"type\":\"" + INTERNAL_TYPE_PREFIX;
		if (!this.json.startsWith(marker)) {
			return null;
		}
		int end = this.json.indexOf('"', marker.length());
		return (end < 0) ? null : this.json.substring(marker.length(), end);
	}

	// "key\njson", as dead letters keep it (sealed): compact JSON never contains a raw
	// line break.
	String toEntry() {
		return this.key + '\n' + this.json;
	}

}
