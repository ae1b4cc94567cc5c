package th.or.depa.sca.bot.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.bot.jackson.ModelObjectMapper;
import th.or.depa.sca.bot.inbox.InboundEvent;

/**
 * Splits a verified webhook body into queueable events, each with its de-duplication key
 * and the chat whose order it belongs to. Events are kept as LINE sent them; parsing into
 * typed events happens when they are handled, so an event type this code does not know is
 * still kept.
 */
final class WebhookPayload {

	private static final ObjectMapper JSON = ModelObjectMapper.createNewObjectMapper();

	/**
	 * Chat key of events without a source (none exist today; kept in one ordered lane).
	 */
	static final String NO_CHAT = "_";

	private WebhookPayload() {
	}

	/**
	 * Parses the body.
	 * @throws MalformedPayloadException if it is not a JSON object with an events array
	 */
	static List<InboundEvent> events(byte[] body) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (IOException ex) {
			throw new MalformedPayloadException("body is not JSON");
		}
		if (root == null || !root.isObject() || !root.path("events").isArray()) {
			throw new MalformedPayloadException("body has no events array");
		}
		List<InboundEvent> events = new ArrayList<>(root.get("events").size());
		for (JsonNode event : root.get("events")) {
			if (!event.isObject()) {
				throw new MalformedPayloadException("an event is not an object");
			}
			if (event.path("type").asText("").startsWith(InboundEvent.INTERNAL_TYPE_PREFIX)) {
				// The bot's own event types are never LINE's: a body carrying one is
				// dropped
				// whole, signature or not, rather than let it act as staff.
				throw new MalformedPayloadException("an event has a type reserved for the bot");
			}
			events.add(new InboundEvent(key(event), chatKey(event), write(event)));
		}
		return events;
	}

	static String chatKey(JsonNode event) {
		JsonNode source = event.path("source");
		for (String field : new String[] { "groupId", "roomId", "userId" }) {
			String id = source.path(field).asText("");
			if (!id.isBlank() && id.indexOf(':') < 0) {
				return id;
			}
		}
		return NO_CHAT;
	}

	// LINE sends webhookEventId on every event today; older or test payloads may lack it.
	// Then the
	// event's content identifies it, without the parts that change on redelivery.
	static String key(JsonNode event) {
		String id = event.path("webhookEventId").asText("");
		if (!id.isBlank() && id.length() <= 64 && id.chars().allMatch(WebhookPayload::isKeyChar)) {
			return id;
		}
		ObjectNode stable = ((ObjectNode) event).deepCopy();
		stable.remove("deliveryContext");
		stable.remove("webhookEventId");
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(stable).getBytes(StandardCharsets.UTF_8));
			return "h:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private static boolean isKeyChar(int c) {
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
	}

	private static String write(JsonNode node) {
		try {
			return JSON.writeValueAsString(node);
		}
		catch (JsonProcessingException ex) {
			throw new MalformedPayloadException("event cannot be serialized");
		}
	}

	/** The body passed the signature check but is not a LINE webhook. */
	static class MalformedPayloadException extends RuntimeException {

		MalformedPayloadException(String reason) {
			super(reason);
		}

	}

}
