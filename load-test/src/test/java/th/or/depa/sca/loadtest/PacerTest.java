package th.or.depa.sca.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTest {

	private static final String SECRET = "pacer-test-secret";

	private static final Pattern REPLY_TOKEN = Pattern.compile("\"replyToken\":\"([0-9a-f]{32})\"");

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.executor(this.executor)
		.build();

	private final Set<Long> received = ConcurrentHashMap.newKeySet();

	private final AtomicInteger badSignatures = new AtomicInteger();

	// Client ports the fake bot saw requests from, i.e. the connections actually used.
	private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

	private final CountDownLatch release = new CountDownLatch(1);

	private final AnswerLedger ledger = new AnswerLedger(Clock.systemUTC());

	// Questions only, so that every event carries a text.
	private final WebhookEvents events = new WebhookEvents(10,
			new ChatTexts(List.of("รับสมัครถึงวันไหนครับ", "When is the application deadline?")),
			TrafficMix.parse("questions=1"), 3);

	private HttpServer fakeBot;

	/** The body the fake bot is handling, on its handler's thread. */
	private final ThreadLocal<String> lastBody = new ThreadLocal<>();

	private LineApiStub stub;

	private Pacer pacer;

	@AfterEach
	void stop() {
		this.release.countDown();
		if (this.pacer != null) {
			this.pacer.close();
		}
		if (this.fakeBot != null) {
			this.fakeBot.stop(0);
		}
		if (this.stub != null) {
			this.stub.close();
		}
		this.client.close();
		this.executor.shutdownNow();
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.SECONDS)
	void sendsEveryScheduledEventSignedAndOnTimeAndSeesEachAnsweredOnce() throws Exception {
		this.stub = LineApiStub.start(LineApiStub.Settings.plain(Duration.ofMillis(2), Clock.systemUTC()), this.ledger);
		startFakeBot(this::ackAndReply);
		Schedule schedule = new Schedule(System.nanoTime() + 20_000_000, 100, Duration.ofMillis(100),
				Duration.ofMillis(200));
		Pacer pacer = pacer(schedule, 100);

		long start = System.nanoTime();
		pacer.run();
		Duration sending = Duration.ofNanos(System.nanoTime() - start);
		boolean settled = pacer.awaitSettled(this.ledger, Duration.ofSeconds(2));

		assertThat(settled).isTrue();
		// The last event is due after 100 ms of ramp and 19 intervals of 10 ms: no burst.
		assertThat(sending).isGreaterThanOrEqualTo(Duration.ofMillis(290));
		assertThat(this.received).hasSize(25).allMatch((seq) -> seq >= 0 && seq < 25);
		assertThat(this.badSignatures).hasValue(0);
		AckStats stats = pacer.stats();
		assertThat(stats.sentWarmup()).isEqualTo(5);
		assertThat(stats.sent()).isEqualTo(20);
		assertThat(stats.acked2xx()).isEqualTo(20);
		assertThat(stats.notSent()).isZero();
		assertThat(stats.transportErrors()).isZero();
		assertThat(stats.ackMicros().getTotalCount()).isEqualTo(20);
		assertThat(this.ledger.answeredMeasured()).isEqualTo(20);
		assertThat(this.ledger.duplicateMeasured()).isZero();
		assertThat(this.events.textsSent()).isEqualTo(25);
		// Connections are kept alive and reused rather than opened per event (a cold JVM
		// makes the first few acks slow, so more than one may open).
		assertThat(this.clientPorts).hasSize(pacer.connectionsOpened());
		assertThat(pacer.connectionsOpened()).isLessThan(25);
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.SECONDS)
	void dropsInsteadOfWaitingWhenTooManyRequestsAreInFlight() throws Exception {
		startFakeBot(this::hang);
		Schedule schedule = new Schedule(System.nanoTime(), 200, Duration.ZERO, Duration.ofMillis(100));
		Pacer pacer = pacer(schedule, 3);

		pacer.run();
		pacer.stats().closeOutstanding(System.nanoTime());

		AckStats stats = pacer.stats();
		assertThat(stats.sent()).isEqualTo(3);
		assertThat(stats.notSent()).isEqualTo(17);
		assertThat(stats.noAckByEnd()).isEqualTo(3);
		// Unanswered requests still count, at the latency they had reached, so they
		// cannot flatter the percentiles.
		assertThat(stats.ackMicros().getTotalCount()).isEqualTo(3);
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.SECONDS)
	void sendsAWebhookRefusedWith503AgainAsARedeliveryUntilTheBotTakesIt() throws Exception {
		this.stub = LineApiStub.start(LineApiStub.Settings.plain(Duration.ofMillis(2), Clock.systemUTC()), this.ledger);
		java.util.Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();
		java.util.List<Boolean> redeliveryFlags = new java.util.concurrent.CopyOnWriteArrayList<>();
		startFakeBot((exchange, replyToken) -> {
			redeliveryFlags.add(this.lastBody.get().contains("\"isRedelivery\":true"));
			if (refused.add(replyToken)) {
				exchange.sendResponseHeaders(503, -1); // a bot over its backlog
				return;
			}
			ackAndReply(exchange, replyToken);
		});
		Schedule schedule = new Schedule(System.nanoTime(), 100, Duration.ZERO, Duration.ofMillis(100));
		this.ledger.begin(schedule, this.events.userIds());
		URI callback = URI.create("http://127.0.0.1:" + this.fakeBot.getAddress().getPort() + "/callback");
		this.pacer = new Pacer(callback, SECRET, this.events, this.ledger, schedule, 100, Duration.ofSeconds(5),
				Duration.ofMillis(50));

		this.pacer.run();
		boolean settled = this.pacer.awaitSettled(this.ledger, Duration.ofSeconds(3));

		assertThat(settled).isTrue();
		assertThat(this.pacer.stats().non2xxByStatus()).containsEntry(503, 10L);
		assertThat(this.pacer.redeliveriesSent()).isEqualTo(10);
		assertThat(this.pacer.redeliveredAccepted()).isEqualTo(10);
		assertThat(redeliveryFlags).hasSize(20).containsOnly(false, true);
		assertThat(redeliveryFlags.stream().filter((flag) -> flag)).hasSize(10);
		assertThat(this.ledger.answeredMeasured()).isEqualTo(10);
		assertThat(this.ledger.duplicateMeasured()).isZero();
		assertThat(this.badSignatures).hasValue(0);
	}

	private Pacer pacer(Schedule schedule, int maxInFlight) {
		this.ledger.begin(schedule, this.events.userIds());
		URI callback = URI.create("http://127.0.0.1:" + this.fakeBot.getAddress().getPort() + "/callback");
		this.pacer = new Pacer(callback, SECRET, this.events, this.ledger, schedule, maxInFlight,
				Duration.ofSeconds(5));
		return this.pacer;
	}

	private void startFakeBot(Handler handler) throws IOException {
		this.fakeBot = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
		this.fakeBot.createContext("/callback", (exchange) -> {
			try (exchange) {
				byte[] body;
				try (InputStream in = exchange.getRequestBody()) {
					body = in.readAllBytes();
				}
				this.clientPorts.add(exchange.getRemoteAddress().getPort());
				this.lastBody.set(new String(body, StandardCharsets.UTF_8));
				String signature = exchange.getRequestHeaders().getFirst("X-Line-Signature");
				if (!new WebhookSigner(SECRET).sign(body).equals(signature)) {
					this.badSignatures.incrementAndGet();
				}
				Matcher token = REPLY_TOKEN.matcher(new String(body, StandardCharsets.UTF_8));
				if (token.find()) {
					this.received.add(Long.parseLong(token.group(1).substring(0, 16), 16));
				}
				handler.handle(exchange, token.group(1));
			}
		});
		this.fakeBot.setExecutor(this.executor);
		this.fakeBot.start();
	}

	/**
	 * Like the bot: acknowledge the webhook, then answer through the reply API.
	 */
	private void ackAndReply(HttpExchange exchange, String replyToken) throws IOException {
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
		HttpRequest reply = HttpRequest.newBuilder(URI.create(this.stub.baseUri() + "/v2/bot/message/reply"))
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"replyToken\":\"" + replyToken + "\",\"messages\":[{\"type\":\"text\",\"text\":\"hi\"}]}"))
			.build();
		this.client.sendAsync(reply, HttpResponse.BodyHandlers.discarding());
	}

	private void hang(HttpExchange exchange, String replyToken) throws IOException {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		exchange.sendResponseHeaders(200, -1);
	}

	@FunctionalInterface
	private interface Handler {

		void handle(HttpExchange exchange, String replyToken) throws IOException;

	}

}
