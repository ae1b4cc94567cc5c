package th.or.depa.sca.loadtest;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Issues the reply token of every event sent and counts the bot's deliveries per user,
 * whatever path they take, as LINE would see them.
 *
 * <p>
 * A reply is matched to its event by the reply token, which LINE accepts once and only
 * within {@link #REPLY_TOKEN_LIFETIME} of the event. A push carries no token, only the
 * user ({@code to}): it answers that user's oldest event not answered yet, since the bot
 * handles a chat's events in order; with every event of the user answered it is a
 * duplicate. Pushes retried under a retry key LINE already accepted are not deliveries.
 * So a user's events are counted answered once, unanswered or duplicated even when a
 * reply falls back to a push.
 */
final class AnswerLedger {

	/** How long LINE accepts a reply token after the event was sent. */
	static final Duration REPLY_TOKEN_LIFETIME = Duration.ofSeconds(30);

	private static final HexFormat HEX = HexFormat.of();

	private static final byte ANSWERED = 1;

	private static final byte TOKEN_USED = 2;

	// A reply with this event's token was refused (used or expired): a push for it is
	// the bot's fallback.
	private static final byte TOKEN_REFUSED = 4;

	private static final byte SENT = 8;

	private static final byte DUPLICATED = 16;

	private final Clock clock;

	private final ConcurrentHistogram endToEndMicros = new ConcurrentHistogram(3);

	// Guards everything below: the sending thread and the stub's thread both write.
	// Both do little under it, a few thousand times a second.
	private final Object lock = new Object();

	private Schedule schedule;

	private Map<String, Integer> usersById = Map.of();

	// Per event, indexed by seq.
	private long[] sentMillis;

	private int[] tokenSalt;

	// The same user's next event, -1 if none yet: each user's events in send order.
	private int[] nextOfUser;

	private byte[] state;

	// Per user: the oldest event that may be unanswered, and the latest event sent.
	private int[] oldestOpen;

	private int[] latest;

	private final Set<String> retryKeys = new HashSet<>();

	private long answeredMeasured;

	private long duplicateMeasured;

	private long duplicatedMeasuredEvents;

	private long duplicateWarmup;

	private long pushes;

	private long expiredTokenPushes;

	private long retriedPushes;

	private long unknownRecipients;

	private long refusedReplies;

	AnswerLedger(Clock clock) {
		this.clock = clock;
	}

	/** Starts a run of {@code schedule}'s events from the users {@code userIds}. */
	void begin(Schedule schedule, String[] userIds) {
		long total = schedule.totalEvents();
		if (total > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("too many events: " + total);
		}
		int events = (int) total;
		Map<String, Integer> byId = new HashMap<>(userIds.length * 2);
		for (int i = 0; i < userIds.length; i++) {
			byId.put(userIds[i], i);
		}
		synchronized (this.lock) {
			this.sentMillis = new long[events];
			this.tokenSalt = new int[events];
			this.nextOfUser = new int[events];
			this.state = new byte[events];
			this.oldestOpen = new int[userIds.length];
			this.latest = new int[userIds.length];
			Arrays.fill(this.oldestOpen, -1);
			Arrays.fill(this.latest, -1);
			this.usersById = byId;
			this.schedule = schedule;
		}
	}

	Clock clock() {
		return this.clock;
	}

	/**
	 * Records that event {@code seq} from user {@code user} goes out now; call in seq
	 * order.
	 * @return the event's reply token: 32 hex digits, the first 16 the seq
	 */
	String sent(long seq, int user) {
		int salt = ThreadLocalRandom.current().nextInt();
		synchronized (this.lock) {
			if (this.schedule == null || seq < 0 || seq >= this.state.length) {
				throw new IllegalStateException("event " + seq + " is not part of this run");
			}
			int event = (int) seq;
			this.sentMillis[event] = this.clock.millis();
			this.tokenSalt[event] = salt;
			this.nextOfUser[event] = -1;
			this.state[event] = SENT;
			int previous = this.latest[user];
			if (previous >= 0) {
				this.nextOfUser[previous] = event;
			}
			this.latest[user] = event;
			if (this.oldestOpen[user] < 0) {
				this.oldestOpen[user] = event;
			}
		}
		return HEX.toHexDigits(seq) + HEX.toHexDigits(ThreadLocalRandom.current().nextInt()) + HEX.toHexDigits(salt);
	}

	/**
	 * A reply with {@code token} reached the LINE API at {@code arrivalNanos}.
	 * @return whether LINE would accept it: a token of this run, unused, not expired
	 */
	boolean reply(String token, long arrivalNanos) {
		int event = eventOf(token);
		synchronized (this.lock) {
			if (event < 0 || this.schedule == null || event >= this.state.length || (this.state[event] & SENT) == 0
					|| this.tokenSalt[event] != saltOf(token)) {
				this.unknownRecipients++;
				return false;
			}
			byte flags = this.state[event];
			if ((flags & TOKEN_USED) != 0
					|| this.clock.millis() - this.sentMillis[event] > REPLY_TOKEN_LIFETIME.toMillis()) {
				this.state[event] = (byte) (flags | TOKEN_REFUSED);
				this.refusedReplies++;
				return false;
			}
			this.state[event] = (byte) (flags | TOKEN_USED);
			deliver(event, arrivalNanos);
			return true;
		}
	}

	/**
	 * A push to user {@code to} reached the LINE API at {@code arrivalNanos}.
	 * @param retryKey its {@code X-Line-Retry-Key}, or null
	 * @return false if LINE already accepted a push with that retry key (it answers 409
	 * and delivers nothing)
	 */
	boolean push(String to, String retryKey, long arrivalNanos) {
		synchronized (this.lock) {
			if (retryKey != null && !this.retryKeys.add(retryKey)) {
				this.retriedPushes++;
				return false;
			}
			this.pushes++;
			Integer user = (to != null) ? this.usersById.get(to) : null;
			if (user == null || this.schedule == null) {
				this.unknownRecipients++;
				return true;
			}
			int event = this.oldestOpen[user];
			while (event >= 0 && (this.state[event] & ANSWERED) != 0) {
				event = this.nextOfUser[event];
			}
			this.oldestOpen[user] = event;
			if (event < 0) {
				// Every event of this user is answered already: one too many.
				int last = this.latest[user];
				if (last < 0) {
					this.unknownRecipients++;
				}
				else {
					countDuplicate(last);
				}
				return true;
			}
			if ((this.state[event] & TOKEN_REFUSED) != 0
					|| this.clock.millis() - this.sentMillis[event] > REPLY_TOKEN_LIFETIME.toMillis()) {
				this.expiredTokenPushes++;
			}
			deliver(event, arrivalNanos);
			return true;
		}
	}

	private void deliver(int event, long arrivalNanos) {
		byte flags = this.state[event];
		if ((flags & ANSWERED) != 0) {
			countDuplicate(event);
			return;
		}
		this.state[event] = (byte) (flags | ANSWERED);
		if (this.schedule.isMeasured(event)) {
			this.answeredMeasured++;
			// The pacer never sends early, so a negative value could only come from clock
			// quirks.
			this.endToEndMicros.recordValue(Math.max(0, arrivalNanos - this.schedule.dueNanos(event)) / 1000);
		}
	}

	private void countDuplicate(int event) {
		if (this.schedule.isMeasured(event)) {
			this.duplicateMeasured++;
			if ((this.state[event] & DUPLICATED) == 0) {
				this.state[event] |= DUPLICATED;
				this.duplicatedMeasuredEvents++;
			}
		}
		else {
			this.duplicateWarmup++;
		}
	}

	/** The seq in the first 16 hex digits of a token of ours, or -1. */
	private static int eventOf(String token) {
		if (token == null || token.length() != 32) {
			return -1;
		}
		try {
			long seq = HexFormat.fromHexDigitsToLong(token, 0, 16);
			return (seq < 0 || seq > Integer.MAX_VALUE) ? -1 : (int) seq;
		}
		catch (IllegalArgumentException ex) {
			return -1;
		}
	}

	private static int saltOf(String token) {
		try {
			return HexFormat.fromHexDigits(token, 24, 32);
		}
		catch (IllegalArgumentException ex) {
			return 0;
		}
	}

	/** Measured events delivered at least once. */
	long answeredMeasured() {
		synchronized (this.lock) {
			return this.answeredMeasured;
		}
	}

	/** Deliveries beyond the first to measured events. */
	long duplicateMeasured() {
		synchronized (this.lock) {
			return this.duplicateMeasured;
		}
	}

	/** Measured events delivered more than once. */
	long duplicatedMeasuredEvents() {
		synchronized (this.lock) {
			return this.duplicatedMeasuredEvents;
		}
	}

	long duplicateWarmup() {
		synchronized (this.lock) {
			return this.duplicateWarmup;
		}
	}

	/** Pushes delivered (a push retried under an accepted retry key is not). */
	long pushes() {
		synchronized (this.lock) {
			return this.pushes;
		}
	}

	/**
	 * Pushes that answered an event whose reply token had expired or been used: the bot's
	 * fallback after a refused reply.
	 */
	long expiredTokenPushes() {
		synchronized (this.lock) {
			return this.expiredTokenPushes;
		}
	}

	/** Pushes under a retry key LINE had already accepted, so delivered nothing. */
	long retriedPushes() {
		synchronized (this.lock) {
			return this.retriedPushes;
		}
	}

	/** Replies refused because their token was used or expired. */
	long refusedReplies() {
		synchronized (this.lock) {
			return this.refusedReplies;
		}
	}

	/** Replies with a token and pushes to a user that belong to no event of this run. */
	long unknownRecipients() {
		synchronized (this.lock) {
			return this.unknownRecipients;
		}
	}

	/** A copy, because a late answer may still be recording while the report reads it. */
	Histogram endToEndMicros() {
		return this.endToEndMicros.copy();
	}

}
