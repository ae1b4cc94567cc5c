package th.or.depa.sca.loadtest;

import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import th.or.depa.sca.loadtest.LineApiStub.Settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LineApiStubTest {

	private static final String SENT_MESSAGES = "{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}";

	private static final String INVALID_TOKEN = "{\"message\":\"Invalid reply token\"}";

	private static final String RATE_LIMITED = "{\"message\":\"The API rate limit has been exceeded. Try again later.\"}";

	private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T03:00:00Z"));

	private final AnswerLedger ledger = new AnswerLedger(this.clock);

	private final String[] users = { WebhookEvents.userId(0), WebhookEvents.userId(1) };

	private final HttpClient client = HttpClient.newHttpClient();

	private LineApiStub stub;

	@BeforeEach
	void beginRun() {
		// 20 events, all measured.
		this.ledger.begin(new Schedule(System.nanoTime(), 1000, Duration.ZERO, Duration.ofMillis(20)), this.users);
	}

	@AfterEach
	void stopStub() {
		if (this.stub != null) {
			this.stub.close();
		}
		this.client.close();
	}

	@Test
	void aReplyTokenIsAcceptedOnce() throws Exception {
		start(Settings.plain(Duration.ofMillis(5), this.clock));
		String token = this.ledger.sent(0, 0);

		HttpResponse<String> first = reply(token);
		HttpResponse<String> again = reply(token);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo(SENT_MESSAGES);
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).isEqualTo(INVALID_TOKEN);
		assertThat(this.ledger.answeredMeasured()).isEqualTo(1);
		assertThat(this.ledger.duplicateMeasured()).isZero();
		assertThat(this.ledger.refusedReplies()).isEqualTo(1);
		assertThat(this.ledger.endToEndMicros().getTotalCount()).isEqualTo(1);
		assertThat(this.stub.counts().replies()).isEqualTo(2);
		assertThat(this.stub.counts().invalidReplyTokens()).isEqualTo(1);
	}

	@Test
	void aReplyTokenWorksUntil30SecondsAfterItsEvent() throws Exception {
		start(Settings.plain(Duration.ZERO, this.clock));
		String onTime = this.ledger.sent(0, 0);
		String late = this.ledger.sent(1, 1);

		this.clock.advance(Duration.ofSeconds(30));
		HttpResponse<String> atTheLimit = reply(onTime);
		this.clock.advance(Duration.ofMillis(1));
		HttpResponse<String> pastTheLimit = reply(late);

		assertThat(atTheLimit.statusCode()).isEqualTo(200);
		assertThat(pastTheLimit.statusCode()).isEqualTo(400);
		assertThat(pastTheLimit.body()).isEqualTo(INVALID_TOKEN);
		assertThat(this.ledger.answeredMeasured()).isEqualTo(1);
	}

	@Test
	void tokensOfNoEventOfTheRunAreRejected() throws Exception {
		start(Settings.plain(Duration.ZERO, this.clock));
		String token = this.ledger.sent(0, 0);
		String wrongSalt = token.substring(0, 31) + ((token.charAt(31) == '0') ? '1' : '0');

		assertThat(reply("0000000000000005" + token.substring(16)).statusCode()).isEqualTo(400);
		assertThat(reply(wrongSalt).statusCode()).isEqualTo(400);
		assertThat(reply("not-a-token").statusCode()).isEqualTo(400);
		assertThat(post("/v2/bot/message/reply", "{\"messages\":[]}").statusCode()).isEqualTo(400);

		assertThat(this.ledger.unknownRecipients()).isEqualTo(4);
		assertThat(this.ledger.answeredMeasured()).isZero();
		assertThat(reply(token).statusCode()).isEqualTo(200);
	}

	@Test
	void pushesAreAcceptedAndAnswerTheUsersOldestEventNotAnsweredYet() throws Exception {
		start(Settings.plain(Duration.ZERO, this.clock));
		String first = this.ledger.sent(0, 0);
		this.ledger.sent(1, 0);
		this.ledger.sent(2, 0);
		this.ledger.sent(3, 1);

		assertThat(reply(first).statusCode()).isEqualTo(200);
		assertThat(push(this.users[0], "key-1").statusCode()).isEqualTo(200);
		assertThat(push(this.users[0], "key-2").statusCode()).isEqualTo(200);
		// Every event of user 0 is answered now: this one is too many.
		HttpResponse<String> extra = push(this.users[0], "key-3");
		assertThat(push(this.users[1], null).statusCode()).isEqualTo(200);
		assertThat(push("U00000000000000000000000000000000", null).statusCode()).isEqualTo(200);

		assertThat(extra.statusCode()).isEqualTo(200);
		assertThat(extra.body()).isEqualTo(SENT_MESSAGES);
		assertThat(this.ledger.answeredMeasured()).isEqualTo(4);
		assertThat(this.ledger.duplicateMeasured()).isEqualTo(1);
		assertThat(this.ledger.duplicatedMeasuredEvents()).isEqualTo(1);
		assertThat(this.ledger.pushes()).isEqualTo(5);
		assertThat(this.ledger.unknownRecipients()).isEqualTo(1);
		// Their tokens were fresh and unused: the bot pushed without trying to reply.
		assertThat(this.ledger.expiredTokenPushes()).isZero();
	}

	@Test
	void aReplyAfterAPushAnsweredItsEventIsADuplicate() throws Exception {
		start(Settings.plain(Duration.ZERO, this.clock));
		String token = this.ledger.sent(0, 0);

		push(this.users[0], "key");
		HttpResponse<String> reply = reply(token);

		// LINE takes the unused token; the user sees the answer twice.
		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(this.ledger.answeredMeasured()).isEqualTo(1);
		assertThat(this.ledger.duplicateMeasured()).isEqualTo(1);
	}

	@Test
	void aPushRetriedUnderTheSameRetryKeyIsDeliveredOnce() throws Exception {
		start(Settings.plain(Duration.ZERO, this.clock));
		this.ledger.sent(0, 0);
		this.ledger.sent(1, 0);

		HttpResponse<String> first = push(this.users[0], "3f0c3e5e-8d4b-4c2e-9a55-1b2f0e6d7a10");
		HttpResponse<String> retried = push(this.users[0], "3f0c3e5e-8d4b-4c2e-9a55-1b2f0e6d7a10");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(retried.statusCode()).isEqualTo(409);
		assertThat(this.ledger.answeredMeasured()).isEqualTo(1);
		assertThat(this.ledger.duplicateMeasured()).isZero();
		assertThat(this.ledger.pushes()).isEqualTo(1);
		assertThat(this.ledger.retriedPushes()).isEqualTo(1);
		assertThat(this.stub.counts().retryKeyConflicts()).isEqualTo(1);
	}

	@Test
	void aPushForAnEventWhoseTokenWasRefusedOrExpiredIsAnExpiredTokenPush() throws Exception {
		start(Settings.plain(Duration.ZERO, this.clock));
		String refused = this.ledger.sent(0, 0);
		this.clock.advance(Duration.ofSeconds(31));
		this.ledger.sent(1, 1);
		this.ledger.sent(2, 0);

		assertThat(reply(refused).statusCode()).isEqualTo(400);
		push(this.users[0], "fallback-0");
		// User 1's event is 0 s old, its token unused.
		push(this.users[1], "fallback-1");
		this.clock.advance(Duration.ofSeconds(31));
		// Expired without the bot trying to reply.
		push(this.users[0], "fallback-2");

		assertThat(this.ledger.answeredMeasured()).isEqualTo(3);
		assertThat(this.ledger.expiredTokenPushes()).isEqualTo(2);
		assertThat(this.ledger.pushes()).isEqualTo(3);
	}

	@Test
	void callsAboveTheRateLimitGet429AndDeliverNothing() throws Exception {
		start(new Settings(0, Duration.ZERO, 3, 0, 0, 1, this.clock));
		String token = this.ledger.sent(0, 0);

		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			statuses.add(reply("not-a-token").statusCode());
		}
		HttpResponse<String> limited = reply(token);
		// Each endpoint has its own limit.
		HttpResponse<String> loading = post("/v2/bot/chat/loading/start", "{\"chatId\":\"U1\"}");
		this.clock.advance(Duration.ofSeconds(1));
		HttpResponse<String> nextSecond = reply(token);

		assertThat(statuses).containsOnly(400);
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.body()).isEqualTo(RATE_LIMITED);
		assertThat(loading.statusCode()).isEqualTo(202);
		assertThat(nextSecond.statusCode()).isEqualTo(200);
		assertThat(this.ledger.answeredMeasured()).isEqualTo(1);
		assertThat(this.stub.counts().rateLimited()).isEqualTo(1);
	}

	@Test
	void injectedServerErrorsDeliverNothing() throws Exception {
		start(new Settings(0, Duration.ZERO, 0, 1, 0, 1, this.clock));
		String token = this.ledger.sent(0, 0);

		HttpResponse<String> reply = reply(token);
		HttpResponse<String> push = push(this.users[0], "key");

		assertThat(reply.statusCode()).isEqualTo(500);
		assertThat(push.statusCode()).isEqualTo(500);
		assertThat(this.ledger.answeredMeasured()).isZero();
		assertThat(this.ledger.pushes()).isZero();
		assertThat(this.stub.counts().serverErrors()).isEqualTo(2);
	}

	@Test
	void serverErrorsAreInjectedAtTheConfiguredShare() throws Exception {
		start(new Settings(0, Duration.ZERO, 0, 0.25, 0, 7, this.clock));
		int errors = 0;
		for (int i = 0; i < 400; i++) {
			if (post("/v2/bot/profile/U1", "").statusCode() == 500) {
				errors++;
			}
		}

		// 100 expected; the bounds are 5 standard deviations wide.
		assertThat(errors).isBetween(57, 143);
		assertThat(this.stub.counts().serverErrors()).isEqualTo(errors);
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.SECONDS)
	void anInjectedTimeoutDeliversButNeverAnswers() throws Exception {
		start(new Settings(0, Duration.ZERO, 0, 0, 1, 1, this.clock));
		String token = this.ledger.sent(0, 0);
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.stub.baseUri() + "/v2/bot/message/reply"))
			.timeout(Duration.ofMillis(300))
			.POST(HttpRequest.BodyPublishers.ofString(replyBody(token)))
			.build();

		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> this.client.send(request, HttpResponse.BodyHandlers.ofString()));
		assertThat(this.ledger.answeredMeasured()).isEqualTo(1);
		assertThat(this.stub.counts().timeouts()).isEqualTo(1);
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.SECONDS)
	void answersWaitTheirDelayWithoutHoldingUpOthers() throws Exception {
		start(Settings.plain(Duration.ofMillis(300), this.clock));
		long start = System.nanoTime();
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.stub.baseUri() + "/v2/bot/chat/loading/start"))
				.POST(HttpRequest.BodyPublishers.ofString("{\"chatId\":\"U1\"}"))
				.build();
			answers.add(this.client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
		}
		for (CompletableFuture<HttpResponse<String>> answer : answers) {
			assertThat(answer.get().statusCode()).isEqualTo(202);
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		// One after the other they would take 12 s.
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void keepsTheConnectionAcrossRequestsAndReadsChunkedBodies() throws Exception {
		start(Settings.plain(Duration.ofMillis(5), this.clock));
		String token = this.ledger.sent(0, 0);
		this.ledger.sent(1, 1);
		String first = "{\"replyToken\":\"" + token + "\",\"messages\":[{\"type\":\"text\",\"text\":\""
				+ "\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35\"}]}";
		byte[] firstBody = first.getBytes(StandardCharsets.UTF_8);
		String chunkedBody = "{\"to\":\"" + this.users[1] + "\",\"messages\":[{\"type\":\"text\",\"text\":\"hi\"}]}";
		String requests = "POST /v2/bot/message/reply HTTP/1.1\r\nHost: stub\r\nConnection: keep-alive\r\n"
				+ "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + firstBody.length + "\r\n\r\n"
				+ first + "POST /v2/bot/message/push?x=1 HTTP/1.1\r\nHost: stub\r\ntransfer-encoding: chunked\r\n"
				+ "connection: close\r\n\r\n" + Integer.toHexString(10) + "\r\n" + chunkedBody.substring(0, 10) + "\r\n"
				+ Integer.toHexString(chunkedBody.length() - 10) + "\r\n" + chunkedBody.substring(10) + "\r\n0\r\n\r\n";

		String responses;
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.stub.baseUri().getPort())) {
			socket.setSoTimeout(2000);
			socket.getOutputStream().write(requests.getBytes(StandardCharsets.UTF_8));
			// The second request asked to close, so the stub ends the stream after it.
			responses = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
		}

		assertThat(responses.split("HTTP/1.1 200 OK\r\n", -1)).hasSize(3);
		assertThat(responses).endsWith(SENT_MESSAGES).contains("\r\nconnection: close\r\n");
		assertThat(this.ledger.answeredMeasured()).isEqualTo(2);
		assertThat(this.stub.counts().requests()).isEqualTo(new LineApiStub.StubCounts(1, 1, 0, 0));
	}

	@Test
	void aMalformedRequestGetsBadRequest() throws Exception {
		start(Settings.plain(Duration.ZERO, this.clock));
		String responses;
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.stub.baseUri().getPort())) {
			socket.setSoTimeout(2000);
			socket.getOutputStream()
				.write("POST /x HTTP/1.1\r\nContent-Length: abc\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			responses = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
		}

		assertThat(responses).startsWith("HTTP/1.1 400 ");
		assertThat(this.stub.counts().requests()).isEqualTo(new LineApiStub.StubCounts(0, 0, 0, 0));
	}

	@Test
	void loadingAnimationProfileAndOtherCallsAreAnsweredWithAnEmptyObject() throws Exception {
		start(Settings.plain(Duration.ZERO, this.clock));

		HttpResponse<String> loading = post("/v2/bot/chat/loading/start", "{\"chatId\":\"U1\",\"loadingSeconds\":5}");
		HttpResponse<String> profile = this.client.send(
				HttpRequest.newBuilder(URI.create(this.stub.baseUri() + "/v2/bot/profile/" + this.users[0])).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> other = post("/v2/bot/message/validate/reply", "{\"messages\":[]}");

		assertThat(loading.statusCode()).isEqualTo(202);
		assertThat(loading.body()).isEqualTo("{}");
		assertThat(profile.statusCode()).isEqualTo(200);
		assertThat(profile.body()).isEqualTo("{}");
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(this.ledger.answeredMeasured()).isZero();
		assertThat(this.stub.counts().requests()).isEqualTo(new LineApiStub.StubCounts(0, 0, 1, 2));
	}

	@Test
	void answersAreDelayedLikeTheRealApi() throws Exception {
		start(Settings.plain(Duration.ofMillis(50), this.clock));
		long start = System.nanoTime();
		post("/v2/bot/message/validate/reply", "{}");

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
	}

	@Test
	void theStubListensOnLoopbackOnly() throws Exception {
		start(Settings.plain(Duration.ZERO, this.clock));

		assertThat(this.stub.baseUri().getHost()).isEqualTo("127.0.0.1");
		assertThat(this.stub.baseUri().getPort()).isPositive();
	}

	private void start(Settings settings) throws InterruptedException {
		this.stub = LineApiStub.start(settings, this.ledger);
	}

	private HttpResponse<String> reply(String token) throws Exception {
		return post("/v2/bot/message/reply", replyBody(token));
	}

	private static String replyBody(String token) {
		return "{\"replyToken\":\"" + token + "\",\"messages\":[{\"type\":\"text\",\"text\":\"ok\"}],"
				+ "\"notificationDisabled\":false}";
	}

	private HttpResponse<String> push(String to, String retryKey) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.stub.baseUri() + "/v2/bot/message/push"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"to\":\"" + to + "\",\"messages\":[{\"type\":\"text\",\"text\":\"ok\"}]}"));
		if (retryKey != null) {
			request.header("X-Line-Retry-Key", retryKey);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.stub.baseUri() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
