package th.or.depa.sca.bot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static th.or.depa.sca.bot.LineApiStub.PUSH;
import static th.or.depa.sca.bot.LineApiStub.REPLY;
import static th.or.depa.sca.bot.WebhookClient.body;
import static th.or.depa.sca.bot.WebhookClient.newEventId;
import static th.or.depa.sca.bot.WebhookClient.newUserId;
import static th.or.depa.sca.bot.WebhookClient.text;

/**
 * Two packaged bots in production mode on one Redis; one is killed (SIGKILL, the process,
 * not a simulated key) in the middle of the load. Its chats resume on the other once
 * their leases run out, and no event is answered twice: an event the dead instance had
 * replied to is handled again with the same reply token, which LINE accepts only once,
 * and no copy is pushed.
 */
class InstanceKillIT {

	@Test
	void shouldResumeAKilledInstancesChatsOnTheOtherAndAnswerEachEventOnce() throws Exception {
		LineApiStub.reset();
		// LINE answers after 80 ms, so that events are in the middle of being handled
		// when the instance dies.
		LineApiStub.server()
			.stubFor(post(urlEqualTo(REPLY)).atPriority(5)
				.willReturn(okJson("{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}").withFixedDelay(80)));
		try (SharedRedis redis = SharedRedis.start()) {
			Bot doomed = Bot.start(redis, "doomed");
			Bot survivor = Bot.start(redis, "survivor");
			try {
				List<String> users = new ArrayList<>();
				for (int i = 0; i < 30; i++) {
					users.add(newUserId());
				}
				Map<Integer, String> webhooks = new LinkedHashMap<>();
				for (int i = 0; i < 240; i++) {
					webhooks.put(i, body(text(newEventId(), users.get(i % users.size()), "msg-" + i, false)));
				}
				Set<Integer> undelivered = ConcurrentHashMap.newKeySet();
				try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
					List<Future<?>> sent = new ArrayList<>();
					for (var webhook : webhooks.entrySet()) {
						Bot target = (webhook.getKey() % 2 == 0) ? doomed : survivor;
						sent.add(senders.submit(() -> {
							if (!target.post(webhook.getValue())) {
								undelivered.add(webhook.getKey());
							}
						}));
						if (webhook.getKey() == 120) {
							doomed.kill();
						}
						Thread.sleep(10);
					}
					for (Future<?> future : sent) {
						future.get();
					}
				}
				assertThat(doomed.process.isAlive()).isFalse();
				assertThat(undelivered).as("webhooks the dead instance could not take").isNotEmpty();
				// LINE delivers what was not acknowledged again, here to the survivor.
				for (int n : undelivered) {
					assertThat(survivor.post(webhooks.get(n))).isTrue();
				}

				await().atMost(Duration.ofSeconds(45))
					.until(() -> LineApiStub.replyTokensByMarker().size() == webhooks.size());
				Thread.sleep(1500); // a duplicate, if any, would come now
				Map<Integer, Set<String>> tokens = LineApiStub.replyTokensByMarker();
				assertThat(tokens).hasSize(webhooks.size());
				assertThat(tokens.values()).allSatisfy((used) -> assertThat(used).hasSize(1));
				assertThat(LineApiStub.requests(PUSH)).isEmpty();
			}
			finally {
				doomed.kill();
				survivor.stop();
			}
		}
	}

	/** One packaged bot in its own process. */
	private record Bot(Process process, int port, HttpClient http) {

		static Bot start(SharedRedis redis, String name) throws Exception {
			int port = SharedRedis.freePort();
			int management = SharedRedis.freePort();
			Path jar = Path.of(System.getProperty("bot.jar", "target/bot.jar"));
			String java = ProcessHandle.current().info().command().orElse("java");
			ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseParallelGC", "-jar", jar.toString())
				.redirectErrorStream(true)
				.redirectOutput(Path.of("target/instance-kill-" + name + ".log").toFile());
			Map<String, String> env = builder.environment();
			env.keySet().removeIf((key) -> key.startsWith("BOT_") || key.startsWith("LINE_"));
			env.putAll(Map.of("BOT_MODE", "production", "LINE_CHANNEL_TOKEN", "test-channel-token",
					"LINE_CHANNEL_SECRET", WebhookClient.SECRET, "LINE_API_BASE_URL", LineApiStub.server().baseUrl(),
					"REDIS_URL", redis.url(), "BOT_DATA_KEY", TestKeys.DATA, "BOT_INDEX_KEY", TestKeys.INDEX,
					"SERVER_PORT", Integer.toString(port), "SERVER_ADDRESS", "127.0.0.1", "MANAGEMENT_PORT",
					Integer.toString(management)));
			// Shorter than in production (60 s and 20 s), so that the chats resume soon;
			// the
			// deadline still leaves a cold JVM on a slow machine time for its first LINE
			// calls (2 s did not, once, in CI: a reply that never left was
			// dead-lettered).
			env.putAll(Map.of("BOT_LOCK_LEASE", "8s", "BOT_EVENT_DEADLINE", "5s", "BOT_SWEEP_INTERVAL", "300ms",
					"BOT_WARMUP_TIME", "0s", "LINE_RETRY_INITIAL_DELAY", "20ms"));
			Process process = builder.start();
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
			Bot bot = new Bot(process, port, http);
			HttpRequest ready = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + management + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
				assertThat(process.isAlive()).as(name + " exited; see target/instance-kill-" + name + ".log").isTrue();
				try {
					return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
				}
				catch (IOException notYet) {
					return false;
				}
			});
			return bot;
		}

		/** Posts a signed webhook; true when it was acknowledged with 200. */
		boolean post(String body) {
			byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/callback"))
				.timeout(Duration.ofSeconds(5))
				.header("Content-Type", "application/json")
				.header("X-Line-Signature", WebhookClient.sign(bytes))
				.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
				.build();
			try {
				return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			this.process.waitFor();
		}

		void stop() throws InterruptedException {
			this.process.destroy();
			this.process.waitFor();
		}

	}

}
