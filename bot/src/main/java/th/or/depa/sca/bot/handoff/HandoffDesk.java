package th.or.depa.sca.bot.handoff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import th.or.depa.sca.bot.inbox.EventInbox;
import th.or.depa.sca.bot.inbox.InboundEvent;
import th.or.depa.sca.store.redis.crypto.PersonalDataSealer;
import th.or.depa.sca.bot.privacy.PersonalDataHolder;
import th.or.depa.sca.templates.MessageKey;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps hand-off requests (a user asked for a person) in Redis for staff: the open list,
 * each request, and what the user wrote while waiting. Whether a chat is paused lives in
 * the chat's session, written only under the chat's lock; staff release a chat by queuing
 * an event on it ({@link #release}), never by writing the session themselves.
 */
@Component
public class HandoffDesk implements PersonalDataHolder {

	/** Internal event type that ends a hand-off. */
	public static final String RELEASE = "handoff-release";

	/** Internal event type that ends a hand-off nobody answered in time. */
	public static final String EXPIRE = "handoff-expire";

	static final String PREFIX = "sca:handoff:";

	static final String OPEN = PREFIX + "open";

	/** What users wrote to staff is personal data: kept this long after the last line. */
	static final Duration RETENTION = Duration.ofDays(30);

	/** The waiting messages kept per chat; older ones are dropped first. */
	static final int MAX_MESSAGES = 200;

	private static final char[] REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private final StringRedisTemplate redis;

	private final PersonalDataSealer sealer;

	// The inbox leads to the conversation, which uses this desk: looked up when needed.
	private final ObjectProvider<EventInbox> inbox;

	private final Clock clock;

	HandoffDesk(StringRedisTemplate redis, PersonalDataSealer sealer, ObjectProvider<EventInbox> inbox,
			ObjectProvider<Clock> clock) {
		this.redis = redis;
		this.sealer = sealer;
		this.inbox = inbox;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * The reference staff and user quote for a request; derived from the event that made
	 * it, so handling that event again gives the same one.
	 */
	public static String reference(String eventKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(eventKey.getBytes(StandardCharsets.UTF_8));
			StringBuilder ref = new StringBuilder("H-");
			for (int i = 0; i < 6; i++) {
				ref.append(REF_ALPHABET[(digest[i] & 0xFF) % REF_ALPHABET.length]);
			}
			return ref.toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/**
	 * Records an open request (idempotent: the same request twice is one). The user's
	 * last question is sealed with {@code BOT_DATA_KEY}, as are the messages kept.
	 */
	public void open(String chatKey, String ref, String lang, String question, Instant at) {
		String key = request(chatKey);
		this.redis.opsForHash()
			.putAll(key, Map.of("ref", ref, "lang", lang, "question", seal(chatKey, question), "requestedAt",
					at.toString()));
		this.redis.expire(key, RETENTION);
		this.redis.opsForZSet().add(OPEN, chatKey, at.toEpochMilli());
	}

	/**
	 * Keeps a message the user wrote while waiting for staff, for staff to read; once per
	 * event, so an event handled again after a crash is not kept twice.
	 */
	public void keep(String chatKey, String eventKey, String text, Instant at) {
		String kept = keptEvents(chatKey);
		Long added = this.redis.opsForSet().add(kept, eventKey);
		this.redis.expire(kept, RETENTION);
		if (added == null || added == 0) {
			return;
		}
		String key = messages(chatKey);
		this.redis.opsForList().rightPush(key, seal(chatKey, at + " " + text));
		this.redis.opsForList().trim(key, -MAX_MESSAGES, -1);
		this.redis.expire(key, RETENTION);
		this.redis.expire(request(chatKey), RETENTION);
	}

	/** Chats whose request has waited since before an instant, longest first. */
	public List<String> waitingSince(Instant before) {
		var waiting = this.redis.opsForZSet().rangeByScore(OPEN, Double.NEGATIVE_INFINITY, before.toEpochMilli());
		return (waiting != null) ? List.copyOf(waiting) : List.of();
	}

	/**
	 * Queues the end of a request that waited too long on its chat, once an hour at most,
	 * so that it runs in order with the user's events and the user is told.
	 */
	public void expire(String chatKey) {
		Boolean first = this.redis.opsForValue().setIfAbsent(PREFIX + "expiring:" + chatKey, "1", Duration.ofHours(1));
		if (Boolean.TRUE.equals(first)) {
			this.inbox.getObject().enqueue(InboundEvent.internal(chatKey, EXPIRE));
		}
	}

	/** Marks the request closed; its record and messages stay until they expire. */
	public void close(String chatKey) {
		this.redis.opsForZSet().remove(OPEN, chatKey);
		this.redis.opsForHash().put(request(chatKey), "closedAt", this.clock.instant().toString());
	}

	/**
	 * Deletes everything kept about the chat's requests (the user asked to be forgotten).
	 */
	public void forget(String chatKey) {
		this.redis.opsForZSet().remove(OPEN, chatKey);
		this.redis.delete(List.of(request(chatKey), messages(chatKey), keptEvents(chatKey)));
	}

	@Override
	public List<Erased> erase(String chatKey, Instant now) {
		Long removed = this.redis.delete(List.of(request(chatKey), messages(chatKey), keptEvents(chatKey)));
		this.redis.opsForZSet().remove(OPEN, chatKey);
		return (removed != null && removed > 0) ? List.of(Erased.of(MessageKey.DELETE_ERASED_HANDOFF)) : List.of();
	}

	/**
	 * Staff are done with the chat: the bot answers again. Queued on the chat so that it
	 * happens in order with the user's messages, under the chat's lock.
	 */
	public void release(String chatKey) {
		this.inbox.getObject().enqueue(InboundEvent.internal(chatKey, RELEASE));
	}

	/** Chats waiting for staff, longest waiting first. */
	public List<String> openChats() {
		var open = this.redis.opsForZSet().range(OPEN, 0, -1);
		return (open != null) ? List.copyOf(open) : List.of();
	}

	/** The messages the user wrote while waiting, oldest first. */
	public List<String> waitingMessages(String chatKey) {
		List<String> lines = this.redis.opsForList().range(messages(chatKey), 0, -1);
		return (lines != null) ? lines.stream().map((sealed) -> unseal(chatKey, sealed)).toList() : List.of();
	}

	/** The request's fields, if one is kept. */
	public Optional<Map<Object, Object>> find(String chatKey) {
		Map<Object, Object> fields = this.redis.opsForHash().entries(request(chatKey));
		return fields.isEmpty() ? Optional.empty() : Optional.of(fields);
	}

	/**
	 * Opens what {@link #open} and {@link #keep} sealed for a chat (the request's
	 * question, a kept message), for staff tools.
	 */
	public String unseal(String chatKey, String sealed) {
		return this.sealer.open(sealed, context(chatKey));
	}

	private String seal(String chatKey, String text) {
		return this.sealer.seal(text, context(chatKey));
	}

	private static String context(String chatKey) {
		return "handoff:" + chatKey;
	}

	static String request(String chatKey) {
		return PREFIX + "request:" + chatKey;
	}

	static String messages(String chatKey) {
		return PREFIX + "messages:" + chatKey;
	}

	static String keptEvents(String chatKey) {
		return PREFIX + "kept:" + chatKey;
	}

}
