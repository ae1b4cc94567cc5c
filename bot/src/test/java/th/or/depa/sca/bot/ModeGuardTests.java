package th.or.depa.sca.bot;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The configurations the bot refuses to start with, each with a message saying what to
 * set.
 */
class ModeGuardTests {

	@Test
	void shouldRefuseASimulatorWithARealLineToken() {
		assertThatIllegalStateException()
			.isThrownBy(() -> check(
					Map.of("bot.mode", "simulator", "line.channel-token", "real-token", "line.channel-secret", "s")))
			.withMessageContaining("BOT_MODE=simulator refuses to start with LINE_CHANNEL_TOKEN");
	}

	@Test
	void shouldRefuseASimulatorWritingIntoARedisOnTheNetwork() {
		assertThatIllegalStateException()
			.isThrownBy(() -> check(Map.of("bot.mode", "simulator", "spring.data.redis.url", "redis://10.1.2.3:6379")))
			.withMessageContaining("REDIS_URL that is not on this machine");
		assertThatCode(() -> check(Map.of("bot.mode", "simulator", "spring.data.redis.url", "redis://127.0.0.1:6379")))
			.doesNotThrowAnyException();
		assertThatCode(() -> check(Map.of("bot.mode", "simulator"))).doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseAProductionBotWithoutItsChannelOrWithoutRedis() {
		assertThatIllegalStateException().isThrownBy(() -> check(Map.of()))
			.withMessageContaining("Set LINE_CHANNEL_TOKEN and LINE_CHANNEL_SECRET")
			.withMessageContaining("BOT_MODE=simulator");
		assertThatIllegalStateException()
			.isThrownBy(() -> check(Map.of("line.channel-token", "t", "line.channel-secret", "s")))
			.withMessageContaining("Set REDIS_URL");
		assertThatCode(() -> check(Map.of("line.channel-token", "t", "line.channel-secret", "s",
				"spring.data.redis.url", "redis://redis.internal:6379")))
			.doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseAnUnknownMode() {
		assertThatIllegalStateException().isThrownBy(() -> check(Map.of("bot.mode", "demo")))
			.withMessageContaining("BOT_MODE must be 'production' or 'simulator'");
	}

	@Test
	void shouldStopTheWholeBotAtStartUpWithTheReason() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(BotApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--management.server.port=0", "--line.channel-token=t",
				"--line.channel-secret=s", "--logging.level.root=OFF"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Set REDIS_URL");
	}

	private static void check(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		// Not the machine's variables: each case states all it sets.
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		ModeGuard.check(environment);
	}

}
