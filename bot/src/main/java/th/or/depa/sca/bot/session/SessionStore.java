package th.or.depa.sca.bot.session;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import th.or.depa.sca.bot.redis.LuaScripts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Conversation sessions in Redis, one per chat, expiring after an idle period. Saves are
 * optimistic: a save based on a stale read is refused, never silently merged.
 */
@Component
public class SessionStore {

	private static final String PREFIX = "sca:session:";

	private static final RedisScript<Long> SAVE = LuaScripts.load("session-save", Long.class);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final String idleTtlMillis;

	private final Clock clock;

	SessionStore(StringRedisTemplate redis, JsonMapper json, SessionProperties properties,
			ObjectProvider<Clock> clock) {
		this.redis = redis;
		this.json = json;
		this.idleTtlMillis = Long.toString(properties.idleTtl().toMillis());
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The chat's session, or a fresh one. */
	public ConversationSession load(String chatKey) {
		return find(chatKey).orElseGet(ConversationSession::start);
	}

	/** The chat's stored session, if any. */
	public Optional<ConversationSession> find(String chatKey) {
		String stored = this.redis.opsForValue().get(PREFIX + chatKey);
		if (stored == null) {
			return Optional.empty();
		}
		int split = stored.indexOf('\n');
		long version = Long.parseLong(stored.substring(0, split));
		ConversationSession session = this.json.readValue(stored.substring(split + 1), ConversationSession.class);
		if (session.schema() > ConversationSession.SCHEMA) {
			throw new IllegalStateException("Session of chat written by newer code (schema " + session.schema() + ")");
		}
		return Optional.of(session.withVersion(version));
	}

	/**
	 * Stores the session as the result of applying an event, unless another save came
	 * first.
	 * @return the stored session with its new version
	 * @throws ConcurrentSessionUpdateException if the session changed since it was loaded
	 */
	public ConversationSession save(String chatKey, ConversationSession session, String eventKey) {
		ConversationSession next = session.applied(eventKey, this.clock.instant());
		String body = this.json.writeValueAsString(next.withVersion(0));
		Long version = this.redis.execute(SAVE, List.of(PREFIX + chatKey), Long.toString(session.version()), body,
				this.idleTtlMillis);
		if (version == null || version == 0) {
			throw new ConcurrentSessionUpdateException();
		}
		return next.withVersion(version);
	}

	/** Forgets the chat's session (unfollow, data deletion). */
	public void delete(String chatKey) {
		this.redis.delete(PREFIX + chatKey);
	}

	/** A save lost the race against another save of the same session. */
	public static class ConcurrentSessionUpdateException extends RuntimeException {

		ConcurrentSessionUpdateException() {
			super("Session changed concurrently");
		}

	}

}
