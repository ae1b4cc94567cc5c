package th.or.depa.sca.bot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance reports ready only once it has warmed its hot path.
 */
class WarmupTests {

	@Test
	void shouldReportNotReadyWhileWarmingUpAndReadyAfter() throws Exception {
		LineApiStub.reset();
		try (SharedRedis redis = SharedRedis.start()) {
			int management = SharedRedis.freePort();
			// A round open now, so that the warm-up's chats fill in the registration
			// form.
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
			CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture
				.supplyAsync(() -> redis.instance(null, "--bot.warmup.time=3s", "--bot.warmup.max-time=6s",
						"--management.server.port=" + management, "--registration.opens-at=" + now.minusDays(1),
						"--registration.closes-at=" + now.plusDays(1)));
			RedisClient watcher = RedisClient.create(redis.url());
			RedisCommands<String, String> watch = watcher.connect().sync();
			boolean sawDraft = false;
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
			HttpRequest readiness = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + management + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			List<Integer> seen = new ArrayList<>();
			try {
				while (!starting.isDone()) {
					try {
						seen.add(http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode());
					}
					catch (IOException notListeningYet) {
						// the management server starts a little later
					}
					for (String drafts : watch.keys("sca:reg:drafts:*")) {
						sawDraft |= watch.zrange(drafts, 0, -1).stream().anyMatch((chat) -> chat.startsWith("Uwarmup"));
					}
					Thread.sleep(100);
				}
				seen.add(http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode());
			}
			finally {
				ConfigurableApplicationContext context = starting.get();
				try {
					// The warm-up went through the webhook and the inbox, sent nothing to
					// LINE, and left nothing behind.
					assertThat(context.getBean(MeterRegistry.class).counter("bot.events.received").count())
						.isGreaterThan(10);
					assertThat(LineApiStub.server().getAllServeEvents()).isEmpty();
					StringRedisTemplate store = context.getBean(StringRedisTemplate.class);
					assertThat(store.keys("sca:session:Uwarmup*")).isEmpty();
					assertThat(store.keys("sca:inbox:seen:warmup-*")).isEmpty();
					assertThat(store.keys("sca:inbox:queue:*")).isEmpty();
					// Its registering chats had drafts, and cancelled them: no draft, no
					// application left.
					assertThat(sawDraft).as("a warm-up chat's registration draft while warming up").isTrue();
					for (String drafts : store.keys("sca:reg:drafts:*")) {
						assertThat(store.opsForZSet().range(drafts, 0, -1))
							.noneMatch((chat) -> chat.startsWith("Uwarmup"));
					}
					assertThat(store.keys("sca:app:*")).isEmpty();
				}
				finally {
					context.close();
					watcher.shutdown();
				}
			}
			assertThat(seen).as("readiness answers while starting").contains(503);
			assertThat(seen.subList(0, seen.indexOf(503) + 1)).doesNotContain(200);
			assertThat(seen.get(seen.size() - 1)).isEqualTo(200);
		}
	}

}
