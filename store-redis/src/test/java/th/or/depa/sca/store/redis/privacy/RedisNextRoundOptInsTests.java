package th.or.depa.sca.store.redis.privacy;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import th.or.depa.sca.domain.privacy.Consent;
import th.or.depa.sca.store.redis.EmbeddedRedis;

import static org.assertj.core.api.Assertions.assertThat;

class RedisNextRoundOptInsTests {

	private static final Consent FIRST = new Consent("next-round", "2022-05", Instant.parse("2022-07-25T03:00:00Z"));

	private static final Consent NEWER = new Consent("next-round", "2022-08", Instant.parse("2022-08-02T09:30:00Z"));

	private static EmbeddedRedis redis;

	private RedisNextRoundOptIns optIns;

	@BeforeAll
	static void startRedis() {
		redis = EmbeddedRedis.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@BeforeEach
	void emptyRedis() {
		redis.flush();
		this.optIns = new RedisNextRoundOptIns(redis.template());
	}

	@Test
	void shouldRememberTheOptInWithItsConsent() {
		this.optIns.optIn("U-1", FIRST);
		assertThat(this.optIns.find("U-1")).contains(FIRST);
		assertThat(this.optIns.users()).containsExactly("U-1");
	}

	@Test
	void shouldReplaceTheOlderConsentWhenOptingInAgain() {
		this.optIns.optIn("U-1", FIRST);
		this.optIns.optIn("U-1", NEWER);
		assertThat(this.optIns.find("U-1")).contains(NEWER);
		assertThat(this.optIns.users()).containsExactly("U-1");
	}

	@Test
	void shouldForgetTheUserOnOptOut() {
		this.optIns.optIn("U-1", FIRST);
		this.optIns.optIn("U-2", FIRST);

		assertThat(this.optIns.optOut("U-1")).isTrue();
		assertThat(this.optIns.optOut("U-1")).isFalse();
		assertThat(this.optIns.find("U-1")).isEmpty();
		assertThat(this.optIns.users()).containsExactly("U-2");
	}

	@Test
	void shouldListNobodyAtFirst() {
		assertThat(this.optIns.users()).isEmpty();
		assertThat(this.optIns.find("U-1")).isEmpty();
		assertThat(this.optIns.optOut("U-1")).isFalse();
	}

	@Test
	void shouldKeepItsKeysUnderTheOptInPrefix() {
		this.optIns.optIn("U-1", FIRST);
		assertThat(redis.template().keys("*")).allMatch((key) -> key.startsWith("sca:optin:"));
	}

}
