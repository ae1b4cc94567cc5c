package th.or.depa.sca.loadtest;

import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineApiStubTest {

	private final AnswerLedger ledger = new AnswerLedger();

	private final HttpClient client = HttpClient.newHttpClient();

	private LineApiStub stub;

	@BeforeEach
	void startStub() throws Exception {
		this.ledger.begin(new Schedule(System.nanoTime(), 1000, Duration.ofMillis(4), Duration.ofMillis(10)));
		this.stub = LineApiStub.start(0, Duration.ofMillis(5), this.ledger);
	}

	@AfterEach
	void stopStub() {
		this.stub.close();
		this.client.close();
	}

	@Test
	void aMarkerIsRecordedOnceAndARepeatCountsAsADuplicate() throws Exception {
		String reply = "{\"replyToken\":\"r\",\"messages\":[{\"type\":\"text\",\"text\":\"You said: lg-5\"}]}";

		HttpResponse<String> first = post("/v2/bot/message/reply", reply);
		HttpResponse<String> second = post("/v2/bot/message/push",
				"{\"to\":\"U1\",\"messages\":[{\"text\":\"lg-5\"}]}");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo("{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}");
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(this.ledger.answeredMeasured()).isEqualTo(1);
		assertThat(this.ledger.duplicateMeasured()).isEqualTo(1);
		assertThat(this.ledger.endToEndMicros().getTotalCount()).isEqualTo(1);
		assertThat(this.stub.counts()).isEqualTo(new LineApiStub.StubCounts(1, 1, 0, 0));
	}

	@Test
	void theSameMarkerTwiceInOneRequestIsOneAnswer() throws Exception {
		post("/v2/bot/message/reply", "{\"messages\":[{\"text\":\"lg-7\",\"altText\":\"lg-7\"}]}");

		assertThat(this.ledger.answeredMeasured()).isEqualTo(1);
		assertThat(this.ledger.duplicateMeasured()).isZero();
	}

	@Test
	void warmupAndUnknownMarkersStayOutOfTheMeasuredCounts() throws Exception {
		post("/v2/bot/message/reply", "{\"messages\":[{\"text\":\"lg-1 lg-1000 lg-99999999999999999999 lg- lg-x\"}]}");

		assertThat(this.ledger.answeredMeasured()).isZero();
		assertThat(this.ledger.unknownMarkers()).isEqualTo(2);
	}

	@Test
	void keepsTheConnectionAcrossRequestsAndReadsChunkedBodies() throws Exception {
		String first = "{\"messages\":[{\"text\":\"lg-5 \u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35\"}]}";
		byte[] firstBody = first.getBytes(StandardCharsets.UTF_8);
		String chunkedBody = "{\"messages\":[{\"text\":\"lg-6\"}]}";
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

		String answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 46\r\n\r\n"
				+ "{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}";
		assertThat(responses).isEqualTo(answer + answer);
		assertThat(this.ledger.answeredMeasured()).isEqualTo(2);
		assertThat(this.stub.counts()).isEqualTo(new LineApiStub.StubCounts(1, 1, 0, 0));
	}

	@Test
	void aMalformedRequestGetsBadRequest() throws Exception {
		String responses;
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.stub.baseUri().getPort())) {
			socket.setSoTimeout(2000);
			socket.getOutputStream()
				.write("POST /x HTTP/1.1\r\nContent-Length: abc\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			responses = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
		}

		assertThat(responses).startsWith("HTTP/1.1 400 ");
		assertThat(this.stub.counts()).isEqualTo(new LineApiStub.StubCounts(0, 0, 0, 0));
	}

	@Test
	void loadingAnimationAndOtherCallsAreAnsweredWithoutMarkers() throws Exception {
		HttpResponse<String> loading = post("/v2/bot/chat/loading/start", "{\"chatId\":\"U1\",\"loadingSeconds\":5}");
		HttpResponse<String> other = post("/v2/bot/message/validate/reply", "{\"messages\":[{\"text\":\"lg-3\"}]}");

		assertThat(loading.statusCode()).isEqualTo(202);
		assertThat(loading.body()).isEqualTo("{}");
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(other.body()).isEqualTo("{}");
		assertThat(this.ledger.answeredMeasured()).isZero();
		assertThat(this.stub.counts()).isEqualTo(new LineApiStub.StubCounts(0, 0, 1, 1));
	}

	@Test
	void answersAreDelayedLikeTheRealApi() throws Exception {
		long start = System.nanoTime();
		post("/v2/bot/message/reply", "{}");

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(5));
	}

	@Test
	void theStubListensOnLoopbackOnly() {
		assertThat(this.stub.baseUri().getHost()).isEqualTo("127.0.0.1");
		assertThat(this.stub.baseUri().getPort()).isPositive();
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.stub.baseUri() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
