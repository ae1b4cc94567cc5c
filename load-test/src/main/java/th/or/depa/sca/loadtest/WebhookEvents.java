package th.or.depa.sca.loadtest;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import th.or.depa.sca.loadtest.TrafficMix.Kind;

/**
 * Builds the LINE webhook bodies of a run: which user sends event {@code seq}, what kind
 * of event it is and what it says follow from the seed alone, so runs with one seed send
 * the same traffic; ids and tokens differ every run.
 *
 * <p>
 * Not thread-safe: one thread (the pacer) builds every body.
 */
final class WebhookEvents {

	/** Synthetic bot user id; LINE sends the bot's own id as the destination. */
	static final String DESTINATION = "Udeadbeefdeadbeefdeadbeefdeadbeef";

	/** Crockford base32, the alphabet of the ULIDs LINE uses as webhook event ids. */
	private static final char[] ULID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final HexFormat HEX = HexFormat.of();

	// LINE's own stickers (package 11537, Brown & Cony), as a real chat sends them.
	private static final String[][] STICKERS = { { "11537", "52002734" }, { "11537", "52002738" },
			{ "11538", "51626494" }, { "11539", "52114110" }, { "446", "1988" }, { "789", "10855" } };

	private final String[] userIds;

	private final ChatTexts texts;

	private final TrafficMix mix;

	private final long seed;

	// Message ids are numeric strings of 18 digits; a random base keeps runs apart.
	private final long messageIdBase = 500_000_000_000_000_000L
			+ ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L);

	private final Set<String> seenTexts = new HashSet<>();

	/** Each registrant's next step of {@link RegistrationScript}. */
	private final int[] formSteps;

	private volatile long formEvents;

	private volatile long submits;

	private volatile long textsSent;

	private volatile long uniqueTexts;

	WebhookEvents(int users, ChatTexts texts, TrafficMix mix, long seed) {
		if (users < 1) {
			throw new IllegalArgumentException("users must be at least 1: " + users);
		}
		this.userIds = new String[users];
		for (int i = 0; i < users; i++) {
			this.userIds[i] = userId(i);
		}
		this.texts = texts;
		this.mix = mix;
		this.seed = seed;
		this.formSteps = new int[registrants(users)];
	}

	/**
	 * How many of the users register by chat: a quarter, so that at the default mix each
	 * registrant's next answer comes every few seconds, as a person types.
	 */
	static int registrants(int users) {
		return Math.max(1, users / 4);
	}

	/**
	 * Deterministic, so that the same synthetic users recur across runs and events of one
	 * run.
	 */
	static String userId(int index) {
		UUID uuid = UUID.nameUUIDFromBytes(("load-test-user-" + index).getBytes(StandardCharsets.UTF_8));
		return "U" + HEX.toHexDigits(uuid.getMostSignificantBits()) + HEX.toHexDigits(uuid.getLeastSignificantBits());
	}

	/** Every user id, by index. */
	String[] userIds() {
		return this.userIds.clone();
	}

	/**
	 * The user who sends event {@code seq}: uniformly random, so some users send bursts,
	 * as in a real chat; a registration step comes from one of the registrants (the first
	 * {@link #registrants} users), every other event from the rest.
	 */
	int user(long seq) {
		long spread = mix64(seq ^ this.seed);
		int registrants = this.formSteps.length;
		if (kind(seq) == Kind.FORM) {
			return (int) Math.floorMod(spread, (long) registrants);
		}
		if (this.mix.forms() > 0 && this.userIds.length > registrants) {
			// Registrants only register; the others ask, greet and send stickers.
			return registrants + (int) Math.floorMod(spread, (long) (this.userIds.length - registrants));
		}
		return (int) Math.floorMod(spread, (long) this.userIds.length);
	}

	/** The random choices of event {@code seq}: its kind and its text. */
	private SplittableRandom random(long seq) {
		return new SplittableRandom(mix64(this.seed * 0x9E3779B97F4A7C15L + seq));
	}

	Kind kind(long seq) {
		return this.mix.pick(random(seq));
	}

	/**
	 * What event {@code seq} says, or null if it is no text message or a registration
	 * step (which depends on how far its registrant has got).
	 */
	String text(long seq) {
		SplittableRandom random = random(seq);
		return switch (this.mix.pick(random)) {
			case QUESTION -> this.texts.question(random);
			case GREETING -> this.texts.greeting(random);
			case THANKS -> this.texts.thanks(random);
			default -> null;
		};
	}

	/**
	 * The body of event {@code seq} from user {@code user}, counting its text as sent.
	 * @param replyToken the token the bot must reply with
	 * @param timestampMillis the event's time
	 */
	byte[] body(long seq, int user, String replyToken, long timestampMillis) {
		SplittableRandom choices = random(seq);
		Kind kind = this.mix.pick(choices);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String form = (kind == Kind.FORM) ? nextStep(user, choices) : null;
		boolean postback = form != null && form.startsWith("flow=");
		StringBuilder json = new StringBuilder(512).append("{\"destination\":\"")
			.append(DESTINATION)
			.append("\",\"events\":[{\"type\":\"")
			.append((kind == Kind.FOLLOW) ? "follow" : postback ? "postback" : "message")
			.append("\",");
		String messageId = Long.toString(this.messageIdBase + seq);
		if (postback) {
			// A tap on one of the bot's buttons: LINE sends its data, no message.
			json.append("\"postback\":{\"data\":").append(Report.quote(form)).append("},");
		}
		else {
			switch (kind) {
				case FOLLOW -> json.append("\"follow\":{\"isUnblocked\":false},");
				case STICKER -> {
					String[] sticker = STICKERS[choices.nextInt(STICKERS.length)];
					json.append("\"message\":{\"id\":\"")
						.append(messageId)
						.append("\",\"type\":\"sticker\",\"quoteToken\":\"")
						.append(quoteToken(random))
						.append("\",\"packageId\":\"")
						.append(sticker[0])
						.append("\",\"stickerId\":\"")
						.append(sticker[1])
						.append("\",\"stickerResourceType\":\"STATIC\",\"keywords\":[\"Hello\",\"hi\"]},");
				}
				case PHOTO -> json.append("\"message\":{\"id\":\"")
					.append(messageId)
					.append("\",\"type\":\"image\",\"quoteToken\":\"")
					.append(quoteToken(random))
					.append("\",\"contentProvider\":{\"type\":\"line\"}},");
				default -> {
					String text = switch (kind) {
						case GREETING -> this.texts.greeting(choices);
						case THANKS -> this.texts.thanks(choices);
						case FORM -> form;
						default -> this.texts.question(choices);
					};
					countText(text);
					json.append("\"message\":{\"id\":\"")
						.append(messageId)
						.append("\",\"type\":\"text\",\"quoteToken\":\"")
						.append(quoteToken(random))
						.append("\",\"text\":")
						.append(Report.quote(text))
						.append("},");
				}
			}
		}
		json.append("\"webhookEventId\":\"")
			.append(webhookEventId(seq, random))
			.append("\",\"deliveryContext\":{\"isRedelivery\":false},\"timestamp\":")
			.append(timestampMillis)
			.append(",\"source\":{\"type\":\"user\",\"userId\":\"")
			.append(this.userIds[user])
			.append("\"},\"replyToken\":\"")
			.append(replyToken)
			.append("\",\"mode\":\"active\"}]}");
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Registrant {@code user}'s next step, counted. */
	private String nextStep(int user, SplittableRandom choices) {
		int step = this.formSteps[user]++;
		this.formEvents = this.formEvents + 1;
		if (step == RegistrationScript.STEPS - 1) {
			this.submits = this.submits + 1;
		}
		return RegistrationScript.step(user, step, choices);
	}

	private void countText(String text) {
		if (this.seenTexts.add(text)) {
			this.uniqueTexts = this.uniqueTexts + 1;
		}
		this.textsSent = this.textsSent + 1;
	}

	/** Text messages built so far. */
	long textsSent() {
		return this.textsSent;
	}

	/** Distinct texts among them. */
	long uniqueTexts() {
		return this.uniqueTexts;
	}

	/** Registration steps built so far (typed answers and taps). */
	long formEvents() {
		return this.formEvents;
	}

	/** Submit taps among them: applications the bot should have stored. */
	long submits() {
		return this.submits;
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

	private static String quoteToken(ThreadLocalRandom random) {
		return "q" + HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
	}

	/** Stafford's mix13 (SplitMix64's finalizer): spreads consecutive seqs evenly. */
	private static long mix64(long z) {
		long x = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
		return x ^ (x >>> 31);
	}

}
