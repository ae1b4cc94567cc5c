package th.or.depa.sca.bot;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import redis.embedded.RedisServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real Redis server on loopback that several bot instances share, as instances behind
 * a load balancer do in production; each instance is the whole bot on its own port,
 * pointed at the WireMock LINE API.
 */
final class SharedRedis implements AutoCloseable {

	private final RedisServer server;

	private final String url;

	private SharedRedis(RedisServer server, String url) {
		this.server = server;
		this.url = url;
	}

	/** Starts a Redis server on a free loopback port, persisting nothing. */
	static SharedRedis start() throws IOException {
		int port = freePort();
		RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"").build();
		server.start();
		return new SharedRedis(server, "redis://127.0.0.1:" + port);
	}

	/**
	 * Starts a Redis server that writes every command to its append-only file in
	 * {@code dir} before answering, as a production Redis that must lose nothing is run,
	 * so that it can be stopped and started again ({@link #restart}) with its data.
	 */
	static SharedRedis startPersistent(Path dir) throws IOException {
		int port = freePort();
		RedisServer server = RedisServer.newRedisServer()
			.bind("127.0.0.1")
			.port(port)
			.setting("save \"\"")
			.setting("appendonly yes")
			.setting("appendfsync always")
			.setting("dir " + dir.toAbsolutePath())
			.build();
		server.start();
		return new SharedRedis(server, "redis://127.0.0.1:" + port);
	}

	/** Stops the server, as a crash or a restart does. */
	void stop() throws IOException {
		this.server.stop();
	}

	/** Starts the server again on the same port, with what it persisted. */
	void restart() throws IOException {
		this.server.start();
	}

	/** The URL instances connect with. */
	String url() {
		return this.url;
	}

	/** Starts a bot instance on this Redis, with a clock of the test's if given. */
	ConfigurableApplicationContext instance(Clock clock, String... extraArgs) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--management.server.port=0", "--spring.data.redis.url=" + this.url,
				"--line.channel-token=test-channel-token", "--line.channel-secret=" + WebhookClient.SECRET,
				"--line.api-base-url=" + LineApiStub.server().baseUrl(), "--line.retry.initial-delay=20ms",
				"--bot.inbox.sweep-interval=500ms", "--logging.level.root=WARN", "--bot.data.key=" + TestKeys.DATA,
				"--bot.data.index-key=" + TestKeys.INDEX));
		for (String extra : extraArgs) {
			// An extra argument replaces the default of the same name (Spring would join
			// both).
			String name = extra.substring(0, extra.indexOf('=') + 1);
			args.removeIf((arg) -> !name.isEmpty() && arg.startsWith(name));
			args.add(extra);
		}
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BotApplication.class);
		if (clock != null) {
			builder.initializers((context) -> context.getBeanFactory().registerSingleton("testClock", clock));
		}
		return builder.run(args.toArray(String[]::new));
	}

	/** Signed webhooks to an instance. */
	static WebhookClient client(ConfigurableApplicationContext context) {
		return new WebhookClient(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@Override
	public void close() throws IOException {
		this.server.stop();
	}

	/** A free port on loopback, for servers the tests start. */
	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
