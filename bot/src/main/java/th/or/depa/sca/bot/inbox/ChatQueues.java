package th.or.depa.sca.bot.inbox;

import java.util.List;
import java.util.Locale;

import th.or.depa.sca.bot.LogSafe;
import th.or.depa.sca.bot.redis.LuaScripts;
import th.or.depa.sca.bot.session.SessionStore;
import th.or.depa.sca.bot.session.SessionWrite;
import th.or.depa.sca.store.redis.crypto.PersonalDataSealer;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The Redis side of the inbox: one queue and one lock per chat, shared by every bot
 * instance. Each step is one Lua script, so no two instances ever interleave inside a
 * step. Taking the lock also reads the chat's session, and finishing an event also writes
 * it, so that an event costs three round trips in all (accept, acquire, commit).
 */
@Component
class ChatQueues {

	static final String PREFIX = "sca:inbox:";

	static final String ACTIVE = PREFIX + "active";

	/** Events queued and not yet finished, across all instances. */
	static final String BACKLOG = PREFIX + "backlog";

	private static final RedisScript<Long> ACCEPT = script("inbox-accept", Long.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ACQUIRE = script("inbox-acquire", List.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> COMMIT = script("inbox-commit", List.class);

	private static final RedisScript<Long> RELEASE = script("inbox-release", Long.class);

	private static final RedisScript<Long> RENEW = script("inbox-renew", Long.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> SWEEP = script("inbox-sweep", List.class);

	private final StringRedisTemplate redis;

	private final PersonalDataSealer sealer;

	private final String dedupTtlSeconds;

	private final String leaseMillis;

	ChatQueues(StringRedisTemplate redis, PersonalDataSealer sealer, InboxProperties properties) {
		this.redis = redis;
		this.sealer = sealer;
		this.dedupTtlSeconds = Long.toString(Math.max(1, properties.dedupTtl().toSeconds()));
		this.leaseMillis = Long.toString(properties.lockLease().toMillis());
	}

	/**
	 * Queues the event unless its key was seen before or the backlog is at its limit.
	 * @param backlogLimit events queued across all instances above which a new one is
	 * refused; negative for no limit
	 */
	Accept accept(InboundEvent event, long backlogLimit) {
		Long outcome = this.redis.execute(ACCEPT,
				List.of(PREFIX + "seen:" + event.key(), queue(event.chatKey()), ACTIVE, BACKLOG), this.dedupTtlSeconds,
				entry(event), event.chatKey(), Long.toString(backlogLimit));
		if (outcome == null) {
			throw new IllegalStateException("inbox-accept returned nothing");
		}
		return switch (outcome.intValue()) {
			case 1 -> Accept.QUEUED;
			case 2 -> Accept.REFUSED;
			default -> Accept.DUPLICATE;
		};
	}

	/** Events queued and not finished, across all instances. */
	long backlog() {
		String value = this.redis.opsForValue().get(BACKLOG);
		return (value == null) ? 0 : Math.max(0, Long.parseLong(value));
	}

	/** Extends the chat's lock; false when it is no longer this token's. */
	boolean renew(String chatKey, String token) {
		Long renewed = this.redis.execute(RENEW, List.of(lock(chatKey)), token, this.leaseMillis);
		return renewed != null && renewed == 1L;
	}

	/**
	 * Takes the chat's lock; the result tells whether it was taken, the first queued
	 * entry and the chat's stored session.
	 */
	Step acquire(String chatKey, String token) {
		return step(this.redis.execute(ACQUIRE,
				List.of(lock(chatKey), queue(chatKey), SessionStore.key(chatKey), taken(chatKey)), token,
				this.leaseMillis));
	}

	/**
	 * Applies the session write, drops the handled head and returns the next one, if the
	 * lock is still ours and the session unchanged since it was read; when the queue is
	 * empty the lock is released in the same step ({@link Step#released()}).
	 */
	Step commit(String chatKey, String token, SessionWrite write) {
		return step(this.redis.execute(COMMIT,
				List.of(lock(chatKey), queue(chatKey), ACTIVE, SessionStore.key(chatKey), taken(chatKey), BACKLOG),
				token, this.leaseMillis, chatKey, write.kind().name().toLowerCase(Locale.ROOT),
				Long.toString(write.readVersion()), write.json(), Long.toString(write.idleTtlMillis())));
	}

	/** Releases the lock; returns how many events are still queued for the chat. */
	long release(String chatKey, String token) {
		Long left = this.redis.execute(RELEASE, List.of(lock(chatKey), queue(chatKey), ACTIVE), token, chatKey);
		return left == null ? 0 : left;
	}

	/** Chats that have queued events, for the sweeper. */
	@SuppressWarnings("unchecked")
	List<String> activeChats() {
		List<String> chats = this.redis.execute(SWEEP, List.of(ACTIVE, BACKLOG));
		return (chats != null) ? chats : List.of();
	}

	/**
	 * Puts an event back at the end of its chat's queue, seen before or not (an operator
	 * replaying a dead letter); the sweeper or the next event drains it.
	 */
	void requeue(InboundEvent event) {
		this.redis.opsForList().rightPush(queue(event.chatKey()), entry(event));
		this.redis.opsForValue().increment(BACKLOG);
		this.redis.opsForSet().add(ACTIVE, event.chatKey());
	}

	/**
	 * A queue entry: the event's key, a line break, and the event sealed with
	 * {@code BOT_DATA_KEY} (bound to its chat and key), so that no message text or user
	 * id waits in Redis in clear.
	 */
	String entry(InboundEvent event) {
		return event.key() + '\n' + this.sealer.seal(event.json(), context(event.chatKey(), event.key()));
	}

	/** The event of a queue entry. */
	InboundEvent event(String chatKey, String entry) {
		int split = entry.indexOf('\n');
		if (split < 0) {
			throw new IllegalStateException("Malformed queue entry for chat " + LogSafe.chat(chatKey));
		}
		String key = entry.substring(0, split);
		String body = entry.substring(split + 1);
		// Entries queued in clear by earlier versions are still read.
		String json = body.startsWith("{") ? body : this.sealer.open(body, context(chatKey, key));
		return new InboundEvent(key, chatKey, json);
	}

	private static String context(String chatKey, String key) {
		return "inbox:" + chatKey + ":" + key;
	}

	private static String queue(String chatKey) {
		return PREFIX + "queue:" + chatKey;
	}

	private static String lock(String chatKey) {
		return PREFIX + "lock:" + chatKey;
	}

	private static String taken(String chatKey) {
		return PREFIX + "taken:" + chatKey;
	}

	private static Step step(List<?> reply) {
		Object outcome = (reply == null || reply.isEmpty()) ? null : reply.get(0);
		if (Long.valueOf(2).equals(outcome)) {
			return Step.RELEASED;
		}
		if (Long.valueOf(3).equals(outcome)) {
			return Step.SESSION_CHANGED;
		}
		if (!Long.valueOf(1).equals(outcome)) {
			return Step.NOT_OWNER;
		}
		String head = (reply.size() > 1 && reply.get(1) instanceof String entry) ? entry : null;
		String session = (reply.size() > 2 && reply.get(2) instanceof String stored) ? stored : null;
		boolean replayed = reply.size() > 3 && Long.valueOf(1).equals(reply.get(3));
		return new Step(Outcome.OWNER, head, session, replayed);
	}

	private static <T> RedisScript<T> script(String name, Class<T> type) {
		return LuaScripts.load(name, type);
	}

	/**
	 * The outcome of a lock step.
	 *
	 * @param outcome what the step did
	 * @param head the next queued entry, null when the queue is empty or the lock not
	 * held
	 * @param session the chat's stored session along with the head, null when none is
	 * stored
	 * @param replayed whether the head was handed out before without being committed
	 */
	record Step(Outcome outcome, String head, String session, boolean replayed) {

		static final Step NOT_OWNER = new Step(Outcome.NOT_OWNER, null, null, false);

		static final Step RELEASED = new Step(Outcome.RELEASED, null, null, false);

		static final Step SESSION_CHANGED = new Step(Outcome.SESSION_CHANGED, null, null, false);

		boolean owner() {
			return this.outcome == Outcome.OWNER;
		}

	}

	/** What accepting an event did. */
	enum Accept {

		/** Queued for its chat. */
		QUEUED,

		/** Seen before (a redelivery or retry): dropped. */
		DUPLICATE,

		/** Refused unmarked, the backlog being at its limit: LINE delivers it again. */
		REFUSED

	}

	/** What a lock step did. */
	enum Outcome {

		/** The lock is held; {@code head} is the next entry, if any. */
		OWNER,

		/** Another worker holds the lock (or the lease ran out); nothing changed. */
		NOT_OWNER,

		/** The queue was found empty and the lock released. */
		RELEASED,

		/** The session changed since it was read; nothing changed. */
		SESSION_CHANGED

	}

}
