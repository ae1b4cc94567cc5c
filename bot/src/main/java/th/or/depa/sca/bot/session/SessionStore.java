package th.or.depa.sca.bot.session;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import th.or.depa.sca.bot.redis.LuaScripts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Conversation sessions in Redis, one per chat, expiring after an idle period. Saves are
 * optimistic: a save based on a stale read is refused, never silently merged.
 * <p>
 * While events are handled, the inbox reads a chat's session together with the chat's
 * next event and writes it together with removing that event ({@link #decode},
 * {@link #saving}, {@link #deleting}); {@link #find} and {@link #save} serve everything
 * else.
 */
@Component
public class SessionStore {

	private static final String PREFIX = "sca:session:";

	private static final RedisScript<Long> SAVE = LuaScripts.load("session-save", Long.class);

	/** How a session of this code's layout begins, as written by {@link #saving}. */
	private static final String CURRENT_SCHEMA = "{\"schema\":" + ConversationSession.SCHEMA + ",";

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final long idleTtlMillis;

	private final Clock clock;

	SessionStore(StringRedisTemplate redis, JsonMapper json, SessionProperties properties, FlowStateTypes types,
			ObjectProvider<Clock> clock) {
		this.redis = redis;
		this.json = json.rebuild()
			.registerSubtypes(types.byName()
				.entrySet()
				.stream()
				.map((type) -> new NamedType(type.getValue(), type.getKey()))
				.toArray(NamedType[]::new))
			.build();
		this.idleTtlMillis = properties.idleTtl().toMillis();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The Redis key of a chat's session. */
	public static String key(String chatKey) {
		return PREFIX + chatKey;
	}

	/** The chat's session, or a fresh one. */
	public ConversationSession load(String chatKey) {
		return find(chatKey).orElseGet(ConversationSession::start);
	}

	/** The chat's stored session, if any. */
	public Optional<ConversationSession> find(String chatKey) {
		String stored = this.redis.opsForValue().get(key(chatKey));
		return (stored != null) ? Optional.of(decode(stored)) : Optional.empty();
	}

	/**
	 * A session as stored in Redis ("version\njson"), or a fresh one for {@code null}.
	 */
	public ConversationSession decode(String stored) {
		if (stored == null) {
			return ConversationSession.start();
		}
		int split = stored.indexOf('\n');
		long version = Long.parseLong(stored.substring(0, split));
		String body = stored.substring(split + 1);
		if (body.startsWith(CURRENT_SCHEMA)) {
			// Written by this code (the schema is the record's first component): one
			// pass.
			return this.json.readValue(body, ConversationSession.class).withVersion(version);
		}
		JsonNode tree = this.json.readTree(body);
		int schema = tree.path("schema").asInt(1);
		if (schema > ConversationSession.SCHEMA) {
			throw new IllegalStateException("Session of chat written by newer code (schema " + schema + ")");
		}
		if (schema == 1) {
			tree = fromSchema1(tree);
		}
		return this.json.treeToValue(tree, ConversationSession.class).withVersion(version);
	}

	/**
	 * Schema 1 kept flow state as a flow name, a step and a bag of strings: the "delete
	 * my data" confirmation was flow {@code delete}, a hand-off was the values
	 * {@code handoff.ref} and {@code handoff.since}.
	 */
	private JsonNode fromSchema1(JsonNode old) {
		ObjectNode next = this.json.createObjectNode();
		next.put("schema", ConversationSession.SCHEMA);
		next.put("version", 0);
		JsonNode values = old.path("values");
		if ("delete".equals(old.path("flow").asString(""))) {
			next.putObject("flow").put("type", "delete");
		}
		if (values.hasNonNull("handoff.ref")) {
			next.putObject("pause")
				.put("ref", values.get("handoff.ref").asString())
				.put("since", values.path("handoff.since").asString(this.clock.instant().toString()))
				.put("acknowledged", false);
		}
		next.put("lang", old.path("lang").asString("th"));
		next.put("lastQuestion", values.path("lastQuestion").asString(""));
		next.set("recentEvents", old.path("recentEvents"));
		if (old.hasNonNull("updatedAt")) {
			next.set("updatedAt", old.get("updatedAt"));
		}
		return next;
	}

	/**
	 * The write that stores the session as the result of applying an event.
	 */
	public SessionWrite saving(ConversationSession session, String eventKey) {
		ConversationSession next = session.applied(eventKey, this.clock.instant());
		return new SessionWrite(SessionWrite.Kind.SAVE, session.version(),
				this.json.writeValueAsString(next.withVersion(0)), this.idleTtlMillis);
	}

	/** The write that forgets the session. */
	public SessionWrite deleting(ConversationSession session) {
		return new SessionWrite(SessionWrite.Kind.DELETE, session.version(), "", this.idleTtlMillis);
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
		Long version = this.redis.execute(SAVE, List.of(key(chatKey)), Long.toString(session.version()), body,
				Long.toString(this.idleTtlMillis));
		if (version == null || version == 0) {
			throw new ConcurrentSessionUpdateException();
		}
		return next.withVersion(version);
	}

	/** A save lost the race against another save of the same session. */
	public static class ConcurrentSessionUpdateException extends RuntimeException {

		ConcurrentSessionUpdateException() {
			super("Session changed concurrently");
		}

	}

}
