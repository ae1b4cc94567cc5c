package th.or.depa.sca.bot.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import th.or.depa.sca.bot.LogSafe;
import th.or.depa.sca.bot.redis.LuaScripts;
import th.or.depa.sca.store.redis.crypto.KeyedHash;
import th.or.depa.sca.store.redis.crypto.PersonalDataSealer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Events that could not be handled or delivered, kept for an operator under PDPA rules:
 * the event itself is sealed (Tink AEAD), so no message text or LINE user id is in clear;
 * each letter lives {@code BOT_DEAD_LETTER_TTL} and at most {@code BOT_DEAD_LETTER_CAP}
 * are kept; an event is kept once however often it fails; "delete my data" erases a
 * user's letters; an operator lists and replays them (the {@code deadletters} actuator
 * endpoint).
 */
@Component
public class DeadLetters {

	static final String INDEX = "sca:inbox:dead";

	private static final String LETTER = INDEX + ":";

	private static final String BY_CHAT = INDEX + ":chat:";

	private static final RedisScript<Long> RECORD = LuaScripts.load("dead-letter", Long.class);

	private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([a-zA-Z_-]{1,40})\"");

	private final StringRedisTemplate redis;

	private final PersonalDataSealer sealer;

	private final KeyedHash hash;

	private final InboxProperties properties;

	private final ChatQueues queues;

	private final Clock clock;

	DeadLetters(StringRedisTemplate redis, PersonalDataSealer sealer, KeyedHash hash, InboxProperties properties,
			ChatQueues queues, ObjectProvider<Clock> clock) {
		this.redis = redis;
		this.sealer = sealer;
		this.hash = hash;
		this.properties = properties;
		this.queues = queues;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * One dead letter as an operator sees it: nothing personal.
	 *
	 * @param id the letter's id (a digest of the event's key)
	 * @param at when it was kept
	 * @param reason why: the exception's class, or "undelivered ..."
	 * @param type the event's type (message, postback, ...)
	 * @param chat a one-way digest of the chat, as in the logs
	 */
	public record Letter(String id, String at, String reason, String type, String chat) {
	}

	/** Keeps the event as a dead letter, once. */
	void record(InboundEvent event, String reason) {
		String id = id(event.key());
		Instant now = this.clock.instant();
		Matcher type = TYPE.matcher(event.json());
		// The chat goes inside the seal: internal events do not name it in their JSON.
		String sealed = this.sealer.seal(event.chatKey() + '\n' + event.toEntry(), context(id));
		this.redis.execute(RECORD, List.of(LETTER + id, INDEX, BY_CHAT + this.hash.hash(event.chatKey())), id,
				Long.toString(now.toEpochMilli()), Long.toString(this.properties.deadLetterTtl().toSeconds()),
				Integer.toString(this.properties.deadLetterCap()), now.toString(), reason,
				type.find() ? type.group(1) : "unknown", LogSafe.chat(event.chatKey()), sealed, LETTER);
	}

	/** The newest letters, newest first. */
	public List<Letter> list(int max) {
		Set<String> ids = this.redis.opsForZSet().reverseRange(INDEX, 0, Math.max(0, max - 1));
		List<Letter> letters = new ArrayList<>();
		if (ids == null) {
			return letters;
		}
		for (String id : ids) {
			Map<Object, Object> fields = this.redis.opsForHash().entries(LETTER + id);
			if (!fields.isEmpty()) {
				letters.add(new Letter(id, str(fields.get("at")), str(fields.get("reason")), str(fields.get("type")),
						str(fields.get("chat"))));
			}
		}
		return letters;
	}

	/**
	 * Queues the letter's event on its chat again and forgets the letter; the event is
	 * handled as any other (one already applied to the session changes nothing).
	 * @return whether there was such a letter
	 */
	public boolean replay(String id) {
		Optional<InboundEvent> event = open(id);
		if (event.isEmpty()) {
			return false;
		}
		this.queues.requeue(event.get());
		forget(id, event.get().chatKey());
		return true;
	}

	/**
	 * Erases every letter of the chat (the user asked to be forgotten).
	 * @return how many were erased
	 */
	public int erase(String chatKey) {
		String byChat = BY_CHAT + this.hash.hash(chatKey);
		Set<String> ids = this.redis.opsForSet().members(byChat);
		int erased = 0;
		if (ids != null) {
			for (String id : ids) {
				Long removed = this.redis.delete(List.of(LETTER + id));
				this.redis.opsForZSet().remove(INDEX, id);
				erased += (removed != null) ? removed.intValue() : 0;
			}
		}
		this.redis.delete(byChat);
		return erased;
	}

	private Optional<InboundEvent> open(String id) {
		Object sealed = this.redis.opsForHash().get(LETTER + id, "sealed");
		if (!(sealed instanceof String text)) {
			return Optional.empty();
		}
		String[] parts = this.sealer.open(text, context(id)).split("\n", 3);
		return Optional.of(new InboundEvent(parts[1], parts[0], parts[2]));
	}

	private void forget(String id, String chatKey) {
		this.redis.delete(LETTER + id);
		this.redis.opsForZSet().remove(INDEX, id);
		this.redis.opsForSet().remove(BY_CHAT + this.hash.hash(chatKey), id);
	}

	private static String id(String eventKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(eventKey.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private static String context(String id) {
		return "sca:dead:v1|" + id;
	}

	private static String str(Object value) {
		return (value != null) ? value.toString() : "";
	}

}
