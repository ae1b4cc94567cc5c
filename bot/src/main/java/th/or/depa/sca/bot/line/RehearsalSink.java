package th.or.depa.sca.bot.line;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback stand-in for the LINE API that the warm-up's own chats are answered through,
 * so that the LINE client (OkHttp, Retrofit, the SDK's JSON) is compiled before the
 * instance reports ready: in a load test, about 190 of the methods compiled after ready
 * were the client's, which the warm-up had never called. It listens on 127.0.0.1 only,
 * for the warm-up's length, accepts every call and sends nothing anywhere; real chats are
 * never sent to it ({@link LineMessenger#isRehearsal}).
 */
public final class RehearsalSink implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RehearsalSink.class);

	private static final byte[] SENT = "{\"sentMessages\":[{\"id\":\"0\",\"quoteToken\":\"q\"}]}"
		.getBytes(StandardCharsets.UTF_8);

	private final HttpServer server;

	private final ExecutorService threads;

	private final LineMessenger messenger;

	private final AtomicLong calls = new AtomicLong();

	private RehearsalSink(HttpServer server, ExecutorService threads, LineMessenger messenger) {
		this.server = server;
		this.threads = threads;
		this.messenger = messenger;
	}

	/**
	 * Starts the sink and points the messenger's warm-up calls at it; null (and a
	 * warning) if it cannot listen, and the warm-up then only serializes those calls.
	 */
	public static RehearsalSink open(LineMessenger messenger, LineProperties properties) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
			ExecutorService threads = Executors.newFixedThreadPool(2,
					Thread.ofPlatform().name("warmup-sink-", 0).daemon().factory());
			RehearsalSink sink = new RehearsalSink(server, threads, messenger);
			server.createContext("/", sink::answer);
			server.setExecutor(threads);
			server.start();
			URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
			// Not the channel's token: nothing of it goes even to this sink.
			messenger.rehearseWith(LineClientConfiguration.client(base, "warmup", properties));
			return sink;
		}
		catch (IOException | RuntimeException ex) {
			log.atWarn().setMessage("warm-up LINE sink not started").addKeyValue("error", ex.toString()).log();
			return null;
		}
	}

	/** How many calls it has answered. */
	public long calls() {
		return this.calls.get();
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			in.transferTo(OutputStream.nullOutputStream());
			String path = exchange.getRequestURI().getPath();
			byte[] body = (path.endsWith("/reply") || path.endsWith("/push")) ? SENT : "{}".getBytes();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			this.calls.incrementAndGet();
		}
	}

	/** Points the messenger back at serializing only, and stops listening. */
	@Override
	public void close() {
		this.messenger.rehearseWith(null);
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
