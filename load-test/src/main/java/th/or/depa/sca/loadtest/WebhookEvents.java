package th.or.depa.sca.loadtest;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds synthetic LINE text-message webhook bodies whose text carries the marker
 * {@code lg-<seq>}.
 */
final class WebhookEvents {

	/** Synthetic bot user id; LINE sends the bot's own id as the destination. */
	static final String DESTINATION = "Udeadbeefdeadbeefdeadbeefdeadbeef";

	/** Crockford base32, the alphabet of the ULIDs LINE uses as webhook event ids. */
	private static final char[] ULID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final HexFormat HEX = HexFormat.of();

	private final String[] userIds;

	WebhookEvents(int users) {
		if (users < 1) {
			throw new IllegalArgumentException("users must be at least 1: " + users);
		}
		this.userIds = new String[users];
		for (int i = 0; i < users; i++) {
			this.userIds[i] = userId(i);
		}
	}

	/**
	 * Deterministic, so that the same synthetic users recur across runs and events of one
	 * run.
	 */
	static String userId(int index) {
		UUID uuid = UUID.nameUUIDFromBytes(("load-test-user-" + index).getBytes(StandardCharsets.UTF_8));
		return "U" + HEX.toHexDigits(uuid.getMostSignificantBits()) + HEX.toHexDigits(uuid.getLeastSignificantBits());
	}

	static String marker(long seq) {
		return "lg-" + seq;
	}

	byte[] body(long seq, long timestampMillis) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String userId = this.userIds[(int) (seq % this.userIds.length)];
		String json = "{\"destination\":\"" + DESTINATION + "\",\"events\":[{\"type\":\"message\",\"mode\":\"active\","
				+ "\"timestamp\":" + timestampMillis + ",\"source\":{\"type\":\"user\",\"userId\":\"" + userId + "\"},"
				+ "\"webhookEventId\":\"" + webhookEventId(seq, random) + "\","
				+ "\"deliveryContext\":{\"isRedelivery\":false},\"replyToken\":\"" + replyToken(random) + "\","
				+ "\"message\":{\"id\":\"" + seq + "\",\"type\":\"text\",\"quoteToken\":\"q" + seq + "\",\"text\":\""
				+ marker(seq) + "\"}}]}";
		return json.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * ULID-shaped (26 chars) so a bot that validates the format accepts it; the random
	 * tail keeps runs apart.
	 */
	private static String webhookEventId(long seq, ThreadLocalRandom random) {
		// Padded by hand: String.format parses its pattern on every call, once per event.
		String digits = Long.toString(seq);
		StringBuilder id = new StringBuilder(26).append("01LG");
		for (int i = digits.length(); i < 10; i++) {
			id.append('0');
		}
		id.append(digits);
		while (id.length() < 26) {
			id.append(ULID_ALPHABET[random.nextInt(ULID_ALPHABET.length)]);
		}
		return id.toString();
	}

	private static String replyToken(ThreadLocalRandom random) {
		return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
	}

}
