package th.or.depa.sca.bot.simulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * What the simulator remembers, in memory: its users, each user's transcript, the reply
 * tokens it handed out and the retry keys LINE would remember. Development only.
 */
@Component
@Conditional(SimulatorMode.class)
class SimulatorState {

	/** LINE accepts a reply token for about a minute, and only once. */
	static final Duration REPLY_TOKEN_LIFETIME = Duration.ofMinutes(1);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final List<SimulatedUser> users = List.of(simulated("Somchai (สมชาย)"), simulated("Nok (นก)"),
			simulated("Ploy (พลอย)"));

	private final Map<String, List<Entry>> transcripts = new ConcurrentHashMap<>();

	private final Map<String, IssuedToken> replyTokens = new ConcurrentHashMap<>();

	private final Set<String> retryKeys = ConcurrentHashMap.newKeySet();

	private final AtomicLong seq = new AtomicLong();

	private final Clock clock = Clock.systemUTC();

	List<SimulatedUser> users() {
		return this.users;
	}

	Optional<SimulatedUser> user(String userId) {
		return this.users.stream().filter((user) -> user.userId().equals(userId)).findFirst();
	}

	String issueReplyToken(String userId) {
		String token = randomHex(16);
		this.replyTokens.put(token, new IssuedToken(userId, this.clock.instant()));
		return token;
	}

	/** The user a fresh, unused reply token was issued for; the token is used up. */
	Optional<String> useReplyToken(String token) {
		IssuedToken issued = (token != null) ? this.replyTokens.remove(token) : null;
		if (issued == null || issued.at().plus(REPLY_TOKEN_LIFETIME).isBefore(this.clock.instant())) {
			return Optional.empty();
		}
		return Optional.of(issued.userId());
	}

	/**
	 * False when a request with this retry key was accepted before (LINE answers 409).
	 */
	boolean firstUseOf(String retryKey) {
		return retryKey == null || this.retryKeys.add(retryKey);
	}

	void record(String userId, String from, JsonNode message) {
		List<Entry> transcript = this.transcripts.computeIfAbsent(userId, (id) -> new ArrayList<>());
		synchronized (transcript) {
			transcript.add(new Entry(this.seq.incrementAndGet(), from, this.clock.millis(), message));
		}
	}

	List<Entry> transcript(String userId, long after) {
		List<Entry> transcript = this.transcripts.getOrDefault(userId, List.of());
		synchronized (transcript) {
			return transcript.stream().filter((entry) -> entry.seq() > after).toList();
		}
	}

	static String randomHex(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return HexFormat.of().formatHex(value);
	}

	private static SimulatedUser simulated(String name) {
		String id = "U" + UUID.nameUUIDFromBytes(("simulator:" + name).getBytes(StandardCharsets.UTF_8))
			.toString()
			.replace("-", "");
		return new SimulatedUser(id, name);
	}

	/**
	 * A LINE user the developer can chat as.
	 *
	 * @param userId LINE-style user id
	 * @param displayName name shown in the simulator
	 */
	record SimulatedUser(String userId, String displayName) {
	}

	/**
	 * One line of a transcript.
	 *
	 * @param seq position across all transcripts, increasing
	 * @param from "user", "bot" or "system"
	 * @param at epoch milliseconds
	 * @param message the message as LINE would carry it
	 */
	record Entry(long seq, String from, long at, JsonNode message) {
	}

	private record IssuedToken(String userId, Instant at) {
	}

}
