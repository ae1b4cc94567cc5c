package th.or.depa.sca.store.redis.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import th.or.depa.sca.domain.privacy.Consent;
import th.or.depa.sca.domain.privacy.NextRoundOptIns;
import th.or.depa.sca.store.redis.RedisKeys;

/**
 * {@link NextRoundOptIns} on Redis: one hash per user with the consent, and a set of the
 * users, kept in step by Lua scripts.
 */
public final class RedisNextRoundOptIns implements NextRoundOptIns {

	private static final RedisScript<Long> OPT_IN = RedisScript.of("""
			redis.call('DEL', KEYS[1])
			redis.call('HSET', KEYS[1], 'purpose', ARGV[2], 'noticeVersion', ARGV[3], 'givenAt', ARGV[4])
			return redis.call('SADD', KEYS[2], ARGV[1])
			""", Long.class);

	private static final RedisScript<Long> OPT_OUT = RedisScript.of("""
			redis.call('SREM', KEYS[2], ARGV[1])
			return redis.call('DEL', KEYS[1])
			""", Long.class);

	private final StringRedisTemplate redis;

	public RedisNextRoundOptIns(StringRedisTemplate redis) {
		this.redis = Objects.requireNonNull(redis, "redis");
	}

	@Override
	public void optIn(String lineUserId, Consent consent) {
		Objects.requireNonNull(lineUserId, "lineUserId");
		Objects.requireNonNull(consent, "consent");
		this.redis.execute(OPT_IN, List.of(RedisKeys.optIn(lineUserId), RedisKeys.optInUsers()), lineUserId,
				consent.purpose(), consent.noticeVersion(), consent.givenAt().toString());
	}

	@Override
	public boolean optOut(String lineUserId) {
		Long deleted = this.redis.execute(OPT_OUT, List.of(RedisKeys.optIn(lineUserId), RedisKeys.optInUsers()),
				lineUserId);
		return deleted != null && deleted > 0;
	}

	@Override
	public Optional<Consent> find(String lineUserId) {
		Map<String, String> fields = this.redis.<String, String>opsForHash().entries(RedisKeys.optIn(lineUserId));
		if (fields.isEmpty()) {
			return Optional.empty();
		}
		return Optional
			.of(new Consent(fields.get("purpose"), fields.get("noticeVersion"), Instant.parse(fields.get("givenAt"))));
	}

	@Override
	public List<String> users() {
		Set<String> users = this.redis.opsForSet().members(RedisKeys.optInUsers());
		return (users != null) ? users.stream().sorted().toList() : List.of();
	}

}
