package th.or.depa.sca.loadtest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookClientTest {

	private static final String SECRET = "client-test-secret";

	private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)\r\n");

	private static final Pattern SIGNATURE = Pattern.compile("\r\nX-Line-Signature: ([^\r]+)\r\n");

	private final BlockingQueue<Reply> script = new LinkedBlockingQueue<>();

	private final BlockingQueue<Result> results = new LinkedBlockingQueue<>();

	private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

	private final AtomicInteger accepted = new AtomicInteger();

	// Requests wait here before they are answered; a count above 0 holds them back until
	// that many are in.
	private CountDownLatch gate = new CountDownLatch(0);

	private int maxConnections = 4;

	private Duration timeout = Duration.ofSeconds(2);

	private ServerSocket server;

	private WebhookClient client;

	@AfterEach
	void stop() throws IOException {
		if (this.client != null) {
			this.client.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.SECONDS)
	void readsContentLengthBodiesAndKeepsTheConnection() throws Exception {
		start(new Reply("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n"
				+ "{\"message\":\"no\"}", false), new Reply("HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n", false),
				new Reply("HTTP/1.1 200 OK\r\nContent-Length:  2 \r\n\r\n{}", false));

		assertThat(send(0)).isEqualTo(new Result(0, 400, null));
		assertThat(send(1)).isEqualTo(new Result(1, 200, null));
		assertThat(send(2)).isEqualTo(new Result(2, 200, null));
		assertThat(this.accepted).hasValue(1);
		assertThat(this.client.connectionsOpened()).isEqualTo(1);
		Request first = this.requests.take();
		String body = new String(first.body(), StandardCharsets.UTF_8);
		assertThat(body).isEqualTo(new String(body(0), StandardCharsets.UTF_8));
		assertThat(first.head()).startsWith("POST /callback HTTP/1.1\r\n")
			.contains("\r\nHost: 127.0.0.1:" + this.server.getLocalPort() + "\r\n",
					"\r\nContent-Type: application/json; charset=UTF-8\r\n",
					"\r\nContent-Length: " + first.body().length + "\r\n");
		Matcher signature = SIGNATURE.matcher(first.head());
		assertThat(signature.find()).isTrue();
		assertThat(signature.group(1)).isEqualTo(new WebhookSigner(SECRET).sign(first.body()));
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.SECONDS)
	void readsChunkedBodiesAndSkipsInterimResponses() throws Exception {
		start(new Reply("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
				+ "4;note=x\r\nabcd\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: y\r\n\r\n", false),
				new Reply("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\n{}", false),
				new Reply("HTTP/1.1 204 No Content\r\n\r\n", false),
				new Reply("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false));

		assertThat(send(0)).isEqualTo(new Result(0, 200, null));
		assertThat(send(1)).isEqualTo(new Result(1, 202, null));
		assertThat(send(2)).isEqualTo(new Result(2, 204, null));
		assertThat(send(3)).isEqualTo(new Result(3, 200, null));
		assertThat(this.accepted).hasValue(1);
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.SECONDS)
	void reconnectsAfterTheServerClosesTheConnection() throws Exception {
		start(new Reply("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", true),
				// Neither length nor chunks: the body runs until the server closes.
				new Reply("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end", true),
				new Reply("", true), new Reply("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false));

		assertThat(send(0)).isEqualTo(new Result(0, 200, null));
		assertThat(send(1)).isEqualTo(new Result(1, 200, null));
		Result dropped = send(2);
		assertThat(dropped.status()).isEqualTo(-1);
		assertThat(dropped.error()).isNotNull();
		assertThat(send(3)).isEqualTo(new Result(3, 200, null));
		assertThat(this.accepted).hasValue(4);
		assertThat(this.client.connectionsOpened()).isEqualTo(4);
		assertThat(this.client.openConnections()).isEqualTo(1);
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.SECONDS)
	void opensMoreConnectionsOnlyWhileAllAreBusy() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.script.add(new Reply("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false));
		}
		this.gate = new CountDownLatch(3);
		start(new Reply("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false));
		// Nothing is answered before all three requests are in, so each needs its own
		// connection.
		this.client.submit(0, body(0));
		this.client.submit(1, body(1));
		this.client.submit(2, body(2));

		for (int i = 0; i < 3; i++) {
			Result result = this.results.poll(2, TimeUnit.SECONDS);
			assertThat(result).isNotNull().extracting(Result::status).isEqualTo(200);
		}
		assertThat(send(3)).isEqualTo(new Result(3, 200, null));
		assertThat(this.client.connectionsOpened()).isEqualTo(3);
		assertThat(this.accepted).hasValue(3);
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.SECONDS)
	void atTheCapAnEventWaitsForTheNextFreeConnection() throws Exception {
		this.maxConnections = 1;
		// The first request is held until the test lets it go, after the second was
		// submitted.
		this.gate = new CountDownLatch(2);
		start(new Reply("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false),
				new Reply("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n", false));

		this.client.submit(0, body(0));
		this.client.submit(1, body(1));
		this.gate.countDown();

		assertThat(this.results.poll(2, TimeUnit.SECONDS)).isEqualTo(new Result(0, 200, null));
		assertThat(this.results.poll(2, TimeUnit.SECONDS)).isEqualTo(new Result(1, 202, null));
		assertThat(this.accepted).hasValue(1);
		assertThat(this.client.connectionsOpened()).isEqualTo(1);
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.SECONDS)
	void anIdleConnectionTheServerClosesIsDroppedWithoutAnError() throws Exception {
		// Keep-alive as far as the headers go, but the server closes right after.
		start(new Reply("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", true),
				new Reply("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false));

		assertThat(send(0)).isEqualTo(new Result(0, 200, null));
		while (this.client.openConnections() > 0) {
			Thread.sleep(5);
		}
		assertThat(send(1)).isEqualTo(new Result(1, 200, null));
		assertThat(this.accepted).hasValue(2);
		assertThat(this.results).isEmpty();
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.SECONDS)
	void aServerThatNeverAnswersTimesOut() throws Exception {
		this.timeout = Duration.ofMillis(100);
		// No reply is scripted, so the server reads the request and then waits.
		start();

		Result result = send(0);

		assertThat(result.status()).isEqualTo(-1);
		assertThat(result.error()).isInstanceOf(HttpTimeoutException.class);
		assertThat(this.client.openConnections()).isZero();
	}

	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void keepsManyRequestsInFlightAgainstTheStubAndReusesItsConnections() throws Exception {
		AnswerLedger ledger = new AnswerLedger(Clock.systemUTC());
		ledger.begin(new Schedule(System.nanoTime(), 1000, Duration.ZERO, Duration.ofMillis(400)),
				new String[] { WebhookEvents.userId(0) });
		try (LineApiStub stub = LineApiStub.start(LineApiStub.Settings.plain(Duration.ofMillis(50), Clock.systemUTC()),
				ledger)) {
			this.client = new WebhookClient(stub.baseUri().resolve("/v2/bot/message/reply"), SECRET, 100,
					Duration.ofSeconds(2),
					(seq, nowNanos, status, error) -> this.results.add(new Result(seq, status, error)));

			// Submitted at once: 100 go out together on as many connections, the rest
			// wait
			// for one.
			List<Result> first = sendAll(0, 200, ledger);
			int opened = this.client.connectionsOpened();
			List<Result> second = sendAll(200, 400, ledger);

			assertThat(first).hasSize(200).allMatch((result) -> result.status() == 200 && result.error() == null);
			assertThat(second).hasSize(200).allMatch((result) -> result.status() == 200 && result.error() == null);
			assertThat(opened).isEqualTo(100);
			assertThat(this.client.connectionsOpened()).isEqualTo(100);
			assertThat(ledger.answeredMeasured()).isEqualTo(400);
			assertThat(ledger.duplicateMeasured()).isZero();
		}
	}

	private List<Result> sendAll(int from, int to, AnswerLedger ledger) throws InterruptedException {
		for (int seq = from; seq < to; seq++) {
			String token = ledger.sent(seq, 0);
			this.client.submit(seq,
					("{\"replyToken\":\"" + token + "\",\"messages\":[{\"type\":\"text\",\"text\":\"ok\"}]}")
						.getBytes(StandardCharsets.UTF_8));
		}
		List<Result> results = new ArrayList<>();
		for (int i = from; i < to; i++) {
			Result result = this.results.poll(5, TimeUnit.SECONDS);
			assertThat(result).as("outcome %d", i).isNotNull();
			results.add(result);
		}
		return results;
	}

	private static byte[] body(long seq) {
		return ("{\"events\":[{\"type\":\"message\",\"message\":{\"type\":\"text\",\"text\":\"\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35 "
				+ seq + "\"}}]}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private Result send(long seq) throws InterruptedException {
		this.client.submit(seq, body(seq));
		Result result = this.results.poll(2, TimeUnit.SECONDS);
		assertThat(result).as("outcome of event %d", seq).isNotNull();
		return result;
	}

	private void start(Reply... replies) throws IOException {
		this.startServer(replies);
		URI target = URI.create("http://127.0.0.1:" + this.server.getLocalPort() + "/callback");
		this.client = new WebhookClient(target, SECRET, this.maxConnections, this.timeout,
				(seq, nowNanos, status, error) -> this.results.add(new Result(seq, status, error)));
	}

	private void startServer(Reply... replies) throws IOException {
		this.script.addAll(List.of(replies));
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofVirtual().start(this::accept);
	}

	private void accept() {
		try {
			while (true) {
				Socket socket = this.server.accept();
				this.accepted.incrementAndGet();
				Thread.ofVirtual().start(() -> answer(socket));
			}
		}
		catch (IOException ex) {
			// The test is over.
		}
	}

	/** Answers each request on the connection with the next scripted reply. */
	private void answer(Socket socket) {
		try (socket) {
			InputStream in = new BufferedInputStream(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			Request request;
			while ((request = readRequest(in)) != null) {
				this.requests.add(request);
				this.gate.countDown();
				this.gate.await();
				Reply reply = this.script.take();
				out.write(reply.raw().getBytes(StandardCharsets.US_ASCII));
				out.flush();
				if (reply.closeAfter()) {
					return;
				}
			}
		}
		catch (IOException ex) {
			// The client went away.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Head up to the empty line, then Content-Length bytes; null at end of stream. */
	private static Request readRequest(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				if (head.isEmpty()) {
					return null;
				}
				throw new EOFException("request head cut short");
			}
			head.append((char) b);
		}
		Matcher length = CONTENT_LENGTH.matcher(head);
		byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
		return new Request(head.toString(), body);
	}

	/**
	 * Raw bytes the fake server writes for one request.
	 *
	 * @param raw status line, headers and body exactly as sent
	 * @param closeAfter whether the server closes the connection after writing them
	 */
	private record Reply(String raw, boolean closeAfter) {
	}

	/**
	 * A request as the fake server read it.
	 *
	 * @param head request line and headers, up to and including the empty line
	 * @param body the body
	 */
	private record Request(String head, byte[] body) {
	}

	/**
	 * What the client reported for one event.
	 *
	 * @param seq the event
	 * @param status response status, -1 on failure
	 * @param error the failure, if any
	 */
	private record Result(long seq, int status, Throwable error) {
	}

}
