package th.or.depa.sca.bot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static th.or.depa.sca.bot.LineApiStub.PUSH;
import static th.or.depa.sca.bot.LineApiStub.REPLY;
import static th.or.depa.sca.bot.WebhookClient.body;
import static th.or.depa.sca.bot.WebhookClient.newEventId;
import static th.or.depa.sca.bot.WebhookClient.newUserId;
import static th.or.depa.sca.bot.WebhookClient.text;

/**
 * The inbox under pressure and faults, each test on a Redis of its own: leases renewed
 * under a slow LINE call with two instances, back-pressure above the backlog limit,
 * slow-drip clients that must not starve the webhook, Redis stopped and restarted under
 * load, and a poison event.
 */
class InboxResilienceTests {

	private SharedRedis redis;

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeEach
	void startRedis() throws IOException {
		LineApiStub.reset();
		this.redis = SharedRedis.start();
	}

	@AfterEach
	void stopAll() throws IOException {
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.redis.close();
	}

	@Test
	void shouldRenewTheLeaseSoThatAReplySlowerThanTheLeaseIsSentOnceAndInOrder() throws Exception {
		// The lease is 1 s and msg-0's reply takes 2.5 s: without renewal the other
		// instance's sweeper (every 200 ms) would take the chat and answer msg-0 again.
		String[] args = { "--bot.inbox.lock-lease=1s", "--bot.inbox.sweep-interval=200ms",
				"--bot.inbox.event-deadline=10s" };
		WebhookClient first = client(start(args));
		WebhookClient second = client(start(args));
		OrderingScenario.stubSlowFirstAnswer(2500);
		String user = newUserId();

		assertThat(first.post(body(text(newEventId(), user, "msg-0", false))).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> LineApiStub.requests(REPLY).size() == 1);
		OrderingScenario.sendTheRestConcurrently(user, first, second);
		List<Integer> arrival = OrderingScenario.arrivalOrder(redis(), user);

		await().atMost(Duration.ofSeconds(20)).until(() -> LineApiStub.requests(REPLY).size() >= 20);
		Thread.sleep(1500); // a duplicate, if any, would come now
		List<LoggedRequest> replies = LineApiStub.requests(REPLY);
		assertThat(replies).hasSize(20);
		OrderingScenario.assertAnsweredInOrderOneAtATime(replies, arrival);
		assertThat(LineApiStub.requests(PUSH)).isEmpty();
	}

	@Test
	void shouldAnswer503AboveTheBacklogLimitAndQueueTheRedeliveryOnce() throws Exception {
		WebhookClient bot = client(start("--bot.inbox.max-backlog=3"));
		OrderingScenario.stubSlowFirstAnswer(1500);
		String user = newUserId();
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			bodies.add(body(text(newEventId(), user, "msg-" + i, false)));
		}

		List<Integer> statuses = new ArrayList<>();
		for (String webhook : bodies) {
			statuses.add(bot.post(webhook).statusCode());
		}

		// msg-0 is being handled, msg-1 and msg-2 wait: the backlog is full.
		assertThat(statuses).containsExactly(200, 200, 200, 503, 503);
		HttpResponse<String> refused = bot.post(bodies.get(3));
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.body()).contains("backlog");
		assertThat(redis().opsForList().size("sca:inbox:queue:" + user)).isEqualTo(3);
		// What waits in the queue is sealed: no message text, no user id in clear.
		assertThat(redis().opsForList().range("sca:inbox:queue:" + user, 0, -1))
			.allSatisfy((entry) -> assertThat(entry).doesNotContain("msg-").doesNotContain(user));

		// LINE delivers the refused webhooks again once the backlog has room.
		await().atMost(Duration.ofSeconds(10)).until(() -> LineApiStub.requests(REPLY).size() == 3);
		assertThat(bot.post(bodies.get(3)).statusCode()).isEqualTo(200);
		assertThat(bot.post(bodies.get(4)).statusCode()).isEqualTo(200);
		assertThat(bot.post(bodies.get(4)).statusCode()).as("a second redelivery is a duplicate").isEqualTo(200);

		await().atMost(Duration.ofSeconds(10)).until(() -> LineApiStub.requests(REPLY).size() >= 5);
		Thread.sleep(500);
		assertThat(LineApiStub.requests(REPLY).stream().map(LineApiStub::marker)).containsExactly(0, 1, 2, 3, 4);
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			String backlog = redis().opsForValue().get("sca:inbox:backlog");
			return backlog == null || "0".equals(backlog);
		});
	}

	@Test
	void shouldRefuseWebhooksUnreadForAMomentOnceTheBacklogWasFull() throws Exception {
		WebhookClient bot = client(start("--bot.inbox.max-backlog=2", "--bot.inbox.refusal-hold=2s"));
		OrderingScenario.stubSlowFirstAnswer(1500);
		String user = newUserId();
		String refusedBody = body(text(newEventId(), user, "msg-2", false));
		assertThat(bot.post(body(text(newEventId(), user, "msg-0", false))).statusCode()).isEqualTo(200);
		assertThat(bot.post(body(text(newEventId(), user, "msg-1", false))).statusCode()).isEqualTo(200);
		assertThat(bot.post(refusedBody).statusCode()).isEqualTo(503);

		// Within the hold a webhook is refused before it is read: even a forged one gets
		// 503, not 401, and nothing of it is stored.
		byte[] forged = body(text(newEventId(), user, "forged", false)).getBytes(StandardCharsets.UTF_8);
		String wrongSignature = WebhookClient.sign("another body".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> unread = bot.post(forged, wrongSignature);
		assertThat(unread.statusCode()).isEqualTo(503);
		assertThat(unread.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(redis().opsForList().size("sca:inbox:queue:" + user)).isEqualTo(2);

		// Once the backlog has room and the hold is over, webhooks are read again: the
		// forged one is refused for its signature, the redelivery queued.
		await().atMost(Duration.ofSeconds(10)).until(() -> LineApiStub.requests(REPLY).size() == 2);
		await().atMost(Duration.ofSeconds(5)).until(() -> bot.post(refusedBody).statusCode() == 200);
		assertThat(bot.post(forged, wrongSignature).statusCode()).isEqualTo(401);
		await().atMost(Duration.ofSeconds(10)).until(() -> LineApiStub.requests(REPLY).size() == 3);
		assertThat(LineApiStub.requests(REPLY).stream().map(LineApiStub::marker)).containsExactly(0, 1, 2);
	}

	@Test
	void shouldAnswerSignedWebhooksPromptlyWhileFiftySlowDripConnectionsAreOpen() throws Exception {
		ConfigurableApplicationContext context = start("--bot.webhook.body-timeout=2s");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		WebhookClient bot = client(context);
		ExecutorService drips = Executors.newFixedThreadPool(50);
		List<Future<String>> slow = new ArrayList<>();
		try {
			for (int i = 0; i < 50; i++) {
				slow.add(drips.submit(() -> slowDrip(port)));
			}
			Thread.sleep(500); // every slow connection has sent its headers by now

			List<String> users = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String user = newUserId();
				users.add(user);
				long started = System.nanoTime();
				HttpResponse<String> response = bot.post(body(text(newEventId(), user, "msg-" + i, false)));
				long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(millis).as("ack %d took %d ms", i, millis).isLessThan(1000);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> LineApiStub.requests(REPLY).size() == 20);

			// The slow senders are refused once their body is late, and cut off.
			for (Future<String> answer : slow) {
				assertThat(answer.get(15, TimeUnit.SECONDS)).startsWith("HTTP/1.1 408");
			}
		}
		finally {
			drips.shutdownNow();
		}
	}

	/**
	 * The body read at once when it came with the headers, else without blocking as it
	 * arrives: none of it with the headers, or a part.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 0, 10 })
	void shouldAnswerAWebhookWhoseBodyArrivesAfterItsHeaders(int withHeaders) throws Exception {
		ConfigurableApplicationContext context = start("--bot.webhook.body-timeout=2s");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		byte[] body = body(text(newEventId(), newUserId(), "late body", false)).getBytes(StandardCharsets.UTF_8);
		byte[] head = ("POST /callback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
				+ "X-Line-Signature: " + WebhookClient.sign(body) + "\r\nContent-Length: " + body.length + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(5_000);
			socket.setTcpNoDelay(true);
			OutputStream out = socket.getOutputStream();
			byte[] first = Arrays.copyOf(head, head.length + withHeaders);
			System.arraycopy(body, 0, first, head.length, withHeaders);
			out.write(first);
			out.flush();
			Thread.sleep(300); // read by now: the rest is not in yet
			out.write(body, withHeaders, 20);
			out.flush();
			Thread.sleep(100);
			out.write(body, withHeaders + 20, body.length - withHeaders - 20);
			out.flush();
			String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
			assertThat(status).isEqualTo("HTTP/1.1 200");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> LineApiStub.requests(REPLY).size() == 1);
	}

	@Test
	void shouldLoseNothingAcceptedWhenRedisStopsAndRestartsUnderLoad(@TempDir Path dir) throws Exception {
		this.redis.close();
		this.redis = SharedRedis.startPersistent(dir);
		WebhookClient bot = client(start("--spring.data.redis.timeout=300ms", "--bot.inbox.sweep-interval=200ms"));
		List<String> users = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			users.add(newUserId());
		}
		Map<Integer, String> webhooks = new LinkedHashMap<>();
		for (int i = 0; i < 80; i++) {
			webhooks.put(i, body(text(newEventId(), users.get(i % users.size()), "msg-" + i, false)));
		}

		// 80 events over 4 s; Redis is down from 1 s to 2.5 s.
		Set<Integer> refused = new TreeSet<>();
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		long start = System.nanoTime();
		boolean stopped = false;
		boolean restarted = false;
		for (var webhook : webhooks.entrySet()) {
			long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			if (!stopped && at >= 1000) {
				this.redis.stop();
				stopped = true;
			}
			if (stopped && !restarted && at >= 2500) {
				this.redis.restart();
				restarted = true;
			}
			int status = bot.post(webhook.getValue()).statusCode();
			statuses.put(webhook.getKey(), status);
			if (status != 200) {
				refused.add(webhook.getKey());
			}
			Thread.sleep(50);
		}
		if (!restarted) {
			this.redis.restart();
		}
		assertThat(refused).as("webhooks refused while Redis was down").isNotEmpty();
		assertThat(statuses.values()).containsOnly(200, 503);

		// LINE delivers the refused webhooks again (marked as redeliveries by then).
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
			refused.removeIf((n) -> bot.post(webhooks.get(n)).statusCode() == 200);
			return refused.isEmpty();
		});

		await().atMost(Duration.ofSeconds(20)).until(() -> LineApiStub.replyTokensByMarker().size() == 80);
		Thread.sleep(1000); // a duplicate, if any, would come now
		Map<Integer, Set<String>> tokens = LineApiStub.replyTokensByMarker();
		assertThat(tokens).hasSize(80);
		// A reply sent while Redis was down may be sent again once the event is handled
		// anew, but with the same reply token, which LINE accepts only once.
		assertThat(tokens.values()).allSatisfy((used) -> assertThat(used).hasSize(1));
		assertThat(LineApiStub.requests(PUSH)).isEmpty();
	}

	@Test
	void shouldKeepAPoisonEventAsOneRedactedDeadLetterAndAnswerTheChatsNextEvents() {
		WebhookClient bot = client(start());
		String user = newUserId();
		// Valid JSON and signed, but no LINE event: the timestamp is not a number.
		String poison = WebhookClient
			.event(newEventId(), "message", "active", WebhookClient.userSource(user),
					"\"replyToken\":\"r\",\"message\":{\"id\":\"1\",\"type\":\"text\",\"text\":\"ข้อความลับ\"}")
			.replaceFirst("\"timestamp\":\\d+", "\"timestamp\":\"yesterday\"");

		assertThat(bot.post(body(poison)).statusCode()).isEqualTo(200);
		assertThat(bot.post(body(text(newEventId(), user, "msg-1", false))).statusCode()).isEqualTo(200);
		assertThat(bot.post(body(text(newEventId(), user, "msg-2", false))).statusCode()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(10)).until(() -> LineApiStub.requests(REPLY).size() == 2);
		assertThat(LineApiStub.requests(REPLY).stream().map(LineApiStub::marker)).containsExactly(1, 2);
		StringRedisTemplate store = redis();
		assertThat(store.opsForZSet().size("sca:inbox:dead")).isEqualTo(1);
		String letter = store.keys("sca:inbox:dead:*")
			.stream()
			.filter((key) -> !key.contains(":chat:"))
			.map((key) -> store.opsForHash().entries(key).toString())
			.findFirst()
			.orElseThrow();
		assertThat(letter).doesNotContain(user).doesNotContain("ข้อความลับ");
	}

	/**
	 * Sends a webhook's headers, then its body a byte every 200 ms; returns the status
	 * line the server answered with.
	 */
	private static String slowDrip(int port) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /callback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
					+ "X-Line-Signature: c2xvdw==\r\nContent-Length: 400\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			for (int i = 0; i < 400; i++) {
				if (in.available() > 0) {
					break;
				}
				try {
					out.write('{');
					out.flush();
				}
				catch (IOException closed) {
					break; // the server cut the connection
				}
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return "interrupted";
				}
			}
			byte[] answer = in.readNBytes(12);
			return new String(answer, StandardCharsets.US_ASCII);
		}
	}

	private ConfigurableApplicationContext start(String... args) {
		ConfigurableApplicationContext context = this.redis.instance(null, args);
		this.instances.add(context);
		return context;
	}

	private StringRedisTemplate redis() {
		return this.instances.get(0).getBean(StringRedisTemplate.class);
	}

	private static WebhookClient client(ConfigurableApplicationContext context) {
		return SharedRedis.client(context);
	}

}
