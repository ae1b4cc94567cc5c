package th.or.depa.sca.bot.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import th.or.depa.sca.bot.redis.LuaScripts;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The Redis side of the inbox: one queue and one lock per chat, shared by every bot
 * instance. Each step is one Lua script, so no two instances ever interleave inside a
 * step.
 */
@Component
class ChatQueues {

	static final String PREFIX = "sca:inbox:";

	static final String ACTIVE = PREFIX + "active";

	static final String DEAD = PREFIX + "dead";

	private static final RedisScript<Long> ACCEPT = script("inbox-accept", Long.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ACQUIRE = script("inbox-acquire", List.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ADVANCE = script("inbox-advance", List.class);

	private static final RedisScript<Long> RELEASE = script("inbox-release", Long.class);

	private final StringRedisTemplate redis;

	private final String dedupTtlSeconds;

	private final String leaseMillis;

	ChatQueues(StringRedisTemplate redis, InboxProperties properties) {
		this.redis = redis;
		this.dedupTtlSeconds = Long.toString(Math.max(1, properties.dedupTtl().toSeconds()));
		this.leaseMillis = Long.toString(properties.lockLease().toMillis());
	}

	/** Queues the event unless its key was seen before; true when queued. */
	boolean accept(InboundEvent event) {
		Long queued = this.redis.execute(ACCEPT,
				List.of(PREFIX + "seen:" + event.key(), queue(event.chatKey()), ACTIVE), this.dedupTtlSeconds,
				event.toEntry(), event.chatKey());
		return queued != null && queued == 1L;
	}

	/**
	 * Takes the chat's lock; the result tells whether it was taken and the first queued
	 * entry.
	 */
	Step acquire(String chatKey, String token) {
		return step(this.redis.execute(ACQUIRE, List.of(lock(chatKey), queue(chatKey)), token, this.leaseMillis));
	}

	/**
	 * Drops the handled head and returns the next one, if the lock is still ours; when
	 * the queue is empty the lock is released in the same step ({@link Step#released()}).
	 */
	Step advance(String chatKey, String token) {
		return step(this.redis.execute(ADVANCE, List.of(lock(chatKey), queue(chatKey), ACTIVE), token, this.leaseMillis,
				chatKey));
	}

	/** Releases the lock; returns how many events are still queued for the chat. */
	long release(String chatKey, String token) {
		Long left = this.redis.execute(RELEASE, List.of(lock(chatKey), queue(chatKey), ACTIVE), token, chatKey);
		return left == null ? 0 : left;
	}

	/** Chats that have queued events, for the sweeper. */
	Set<String> activeChats() {
		return this.redis.opsForSet().members(ACTIVE);
	}

	/**
	 * Keeps an event that could not be handled, with the reason, for staff to look at.
	 */
	void deadLetter(InboundEvent event, String reason) {
		this.redis.opsForList()
			.rightPush(DEAD, Instant.now() + " " + event.chatKey() + " " + reason + '\n' + event.toEntry());
	}

	private static String queue(String chatKey) {
		return PREFIX + "queue:" + chatKey;
	}

	private static String lock(String chatKey) {
		return PREFIX + "lock:" + chatKey;
	}

	private static Step step(List<?> reply) {
		Object outcome = (reply == null || reply.isEmpty()) ? null : reply.get(0);
		if (Long.valueOf(2).equals(outcome)) {
			return Step.RELEASED;
		}
		if (!Long.valueOf(1).equals(outcome)) {
			return Step.NOT_OWNER;
		}
		Object head = reply.size() > 1 ? reply.get(1) : null;
		return new Step(true, head instanceof String entry ? entry : null, false);
	}

	private static <T> RedisScript<T> script(String name, Class<T> type) {
		return LuaScripts.load(name, type);
	}

	/**
	 * The outcome of a lock step.
	 *
	 * @param owner whether this worker holds the chat's lock
	 * @param head the next queued entry, null when the queue is empty
	 * @param released whether the step found the queue empty and released the lock
	 */
	record Step(boolean owner, String head, boolean released) {

		static final Step NOT_OWNER = new Step(false, null, false);

		static final Step RELEASED = new Step(false, null, true);

	}

}
