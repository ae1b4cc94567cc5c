package th.or.depa.sca.bot;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the whole bot on a random port with a Redis of its own ({@link TestRedis}),
 * pointed at the WireMock LINE API. Nothing of the bot is mocked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "line.channel-token=test-channel-token", "line.channel-secret=" + WebhookClient.SECRET,
				"line.retry.initial-delay=20ms", "line.retry.max-delay=100ms", "line.read-timeout=3s",
				"bot.inbox.sweep-interval=500ms", "server.address=127.0.0.1",
				"bot.handoff.staff-group-id=" + BotTestSupport.STAFF_GROUP, "bot.loading.after=300ms",
				"management.server.port=0" })
@org.springframework.test.context.ContextConfiguration(initializers = TestRedis.class)
public abstract class BotTestSupport {

	/** The LINE group staff read hand-off notices in. */
	protected static final String STAFF_GROUP = "Cstaff00000000000000000000000001";

	/** Test assertions wait at most this long for the bot's asynchronous answers. */
	protected static final Duration PATIENCE = Duration.ofSeconds(10);

	@LocalServerPort
	protected int port;

	/** The management port (actuator), apart from the webhook's. */
	@org.springframework.boot.test.web.server.LocalManagementPort
	protected int managementPort;

	@Autowired
	protected StringRedisTemplate redis;

	protected WebhookClient webhook;

	@DynamicPropertySource
	static void lineApi(DynamicPropertyRegistry registry) {
		registry.add("line.api-base-url", () -> LineApiStub.server().baseUrl());
		registry.add("bot.data.key", () -> TestKeys.DATA);
		registry.add("bot.data.index-key", () -> TestKeys.INDEX);
	}

	@BeforeEach
	void resetWorld() {
		LineApiStub.reset();
		this.redis.execute((org.springframework.data.redis.core.RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
		this.webhook = new WebhookClient(this.port);
	}

	/** Waits until LINE received n requests on a path, and returns them oldest first. */
	protected static List<LoggedRequest> awaitRequests(String path, int n) {
		await().atMost(PATIENCE).until(() -> LineApiStub.requests(path).size() >= n);
		return LineApiStub.requests(path);
	}

	/**
	 * Sends a last text event for the user and waits for its answer: events of one chat
	 * are handled in order, so everything sent before it has been handled by then.
	 */
	protected void awaitQuiet(String userId) {
		String sentinel = "sentinel-" + System.nanoTime();
		assertThat(this.webhook
			.post(WebhookClient.body(WebhookClient.text(WebhookClient.newEventId(), userId, sentinel, false)))
			.statusCode()).isEqualTo(200);
		await().atMost(PATIENCE)
			.until(() -> LineApiStub.requests(LineApiStub.REPLY)
				.stream()
				.anyMatch((request) -> request.getBodyAsString().contains(sentinel)));
	}

	/** Requests on a path other than the sentinel's answer. */
	protected static List<LoggedRequest> withoutSentinel(List<LoggedRequest> requests) {
		return requests.stream().filter((request) -> !request.getBodyAsString().contains("sentinel-")).toList();
	}

}
