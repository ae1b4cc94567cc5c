package th.or.depa.sca.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the LINE Messaging API on 127.0.0.1 and records every {@code lg-<seq>}
 * marker the bot sends back.
 */
final class LineApiStub implements AutoCloseable {

	static {
		// The JDK server reads these once, when its first instance is created. Nagle (on
		// by default) can add delayed-ACK stalls to small responses, and the default cap
		// of 200 idle connections makes it close keep-alive connections that the bot is
		// about to reuse, which the bot then sees as resets.
		defaultProperty("sun.net.httpserver.nodelay", "true");
		defaultProperty("sun.net.httpserver.maxIdleConnections", "100000");
	}

	private static final Pattern MARKER = Pattern.compile("lg-(\\d+)");

	private static final byte[] SENT_MESSAGES = "{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

	// Deep enough for the bot's connection bursts at the start of the run.
	private static final int BACKLOG = 4096;

	private final AnswerLedger ledger;

	private final Duration delay;

	private final HttpServer server;

	private final ExecutorService executor;

	private final LongAdder replies = new LongAdder();

	private final LongAdder pushes = new LongAdder();

	private final LongAdder loadingStarts = new LongAdder();

	private final LongAdder others = new LongAdder();

	private LineApiStub(AnswerLedger ledger, Duration delay, HttpServer server, ExecutorService executor) {
		this.ledger = ledger;
		this.delay = delay;
		this.server = server;
		this.executor = executor;
	}

	/** Starts the stub; {@code port} 0 picks a free one. */
	static LineApiStub start(int port, Duration delay, AnswerLedger ledger) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
		// Each request sleeps for the simulated API latency, so threads must be cheap to
		// park.
		ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
		LineApiStub stub = new LineApiStub(ledger, delay, server, executor);
		server.createContext("/", stub::handle);
		server.setExecutor(executor);
		server.start();
		return stub;
	}

	URI baseUri() {
		InetSocketAddress address = this.server.getAddress();
		return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
	}

	private void handle(HttpExchange exchange) throws IOException {
		// Taken before reading the body and before the simulated delay: the bot's answer
		// exists from here on.
		long arrivalNanos = System.nanoTime();
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			String path = exchange.getRequestURI().getPath();
			int status = 200;
			byte[] response = EMPTY_OBJECT;
			switch (path) {
				case "/v2/bot/message/reply" -> {
					this.replies.increment();
					recordMarkers(body, arrivalNanos);
					response = SENT_MESSAGES;
				}
				case "/v2/bot/message/push" -> {
					this.pushes.increment();
					recordMarkers(body, arrivalNanos);
					response = SENT_MESSAGES;
				}
				case "/v2/bot/chat/loading/start" -> {
					this.loadingStarts.increment();
					status = 202;
				}
				default -> this.others.increment();
			}
			simulateLatency();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, response.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(response);
			}
		}
	}

	private void recordMarkers(byte[] body, long arrivalNanos) {
		// One message may quote the marker twice (e.g. text and altText); that is still
		// one answer.
		Set<Long> seen = new HashSet<>();
		Matcher matcher = MARKER.matcher(new String(body, StandardCharsets.UTF_8));
		while (matcher.find()) {
			long seq;
			try {
				seq = Long.parseLong(matcher.group(1));
			}
			catch (NumberFormatException ex) {
				// Too many digits for a long: not one of ours.
				seq = -1;
			}
			if (seen.add(seq)) {
				this.ledger.record(seq, arrivalNanos);
			}
		}
	}

	private void simulateLatency() {
		if (this.delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(this.delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Request counts by kind, for the report. */
	StubCounts counts() {
		return new StubCounts(this.replies.sum(), this.pushes.sum(), this.loadingStarts.sum(), this.others.sum());
	}

	private static void defaultProperty(String name, String value) {
		if (System.getProperty(name) == null) {
			System.setProperty(name, value);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * How many requests of each kind the stub received.
	 *
	 * @param replies reply API calls
	 * @param pushes push API calls
	 * @param loadingStarts loading-animation calls
	 * @param others any other path
	 */
	record StubCounts(long replies, long pushes, long loadingStarts, long others) {
	}

}
