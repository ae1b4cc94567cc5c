package th.or.depa.sca.store.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A real redis-server for tests, on a free loopback port, with a template connected to
 * it.
 */
public final class EmbeddedRedis implements AutoCloseable {

	private final RedisServer server;

	private final int port;

	private final LettuceConnectionFactory connections;

	private final StringRedisTemplate template;

	private final List<LettuceConnectionFactory> clients = new CopyOnWriteArrayList<>();

	private EmbeddedRedis(RedisServer server, int port) {
		this.server = server;
		this.port = port;
		this.connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.template = new StringRedisTemplate(this.connections);
	}

	/** A server that keeps nothing on disk. */
	public static EmbeddedRedis start() {
		int port = freePort();
		return start(port, builder(port).setting("save \"\"").setting("appendonly no"));
	}

	/**
	 * A server that writes every command to its append-only file in the directory before
	 * answering.
	 */
	public static EmbeddedRedis startAppendOnly(int port, Path dir) {
		return start(port,
				builder(port).setting("save \"\"")
					.setting("appendonly yes")
					.setting("appendfsync always")
					.setting("dir " + dir.toAbsolutePath()));
	}

	private static RedisServerBuilder builder(int port) {
		return RedisServer.newRedisServer().bind("127.0.0.1").port(port);
	}

	private static EmbeddedRedis start(int port, RedisServerBuilder builder) {
		try {
			RedisServer server = builder.build();
			server.start();
			return new EmbeddedRedis(server, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Embedded redis did not start on port " + port, ex);
		}
	}

	/** A port nothing listens on now. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port", ex);
		}
	}

	public int port() {
		return this.port;
	}

	/** A template on this server's shared connection. */
	public StringRedisTemplate template() {
		return this.template;
	}

	/**
	 * A template on a connection of its own, as another instance of the bot would have.
	 */
	public StringRedisTemplate newClient() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.port));
		factory.afterPropertiesSet();
		factory.start();
		this.clients.add(factory);
		return new StringRedisTemplate(factory);
	}

	/** Empties the server. */
	public void flush() {
		this.template.execute((RedisCallback<Void>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
	}

	@Override
	public void close() {
		this.clients.forEach(LettuceConnectionFactory::destroy);
		this.connections.destroy();
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Embedded redis did not stop", ex);
		}
	}

}
