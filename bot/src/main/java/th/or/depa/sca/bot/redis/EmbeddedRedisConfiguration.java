package th.or.depa.sca.bot.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * In simulator mode, starts an embedded Redis on a free loopback port when no Redis is
 * configured, so that the bot runs on a machine with nothing installed. Production must
 * set {@code REDIS_URL} ({@code ModeGuard}). It keeps an append-only file in its data
 * folder, so a restart keeps conversations and queued events.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedRedisConfiguration.NoRedisConfigured.class)
class EmbeddedRedisConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisConfiguration.class);

	@Bean(destroyMethod = "stop")
	EmbeddedRedis embeddedRedisServer(EmbeddedRedisProperties properties) throws IOException {
		Path dir = properties.dir().toAbsolutePath().normalize();
		Files.createDirectories(dir);
		// Two Redis servers appending to one file would corrupt it; Redis itself does
		// not check.
		FileChannel lockFile = FileChannel.open(dir.resolve("bot.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock = lock(lockFile, dir);
		int port = freePort();
		RedisServer server = RedisServer.newRedisServer()
			.bind("127.0.0.1")
			.port(port)
			.setting("dir " + quoted(dir.toString()))
			.setting("save \"\"")
			.setting("appendonly yes")
			.setting("appendfsync everysec")
			.setting("maxmemory 256mb")
			.build();
		try {
			server.start();
		}
		catch (IOException | RuntimeException ex) {
			lockFile.close();
			throw ex;
		}
		log.atInfo()
			.setMessage("embedded redis started")
			.addKeyValue("port", port)
			.addKeyValue("dir", dir.toString())
			.log();
		return new EmbeddedRedis(server, port, lock, lockFile);
	}

	@Bean
	DataRedisConnectionDetails embeddedRedisConnectionDetails(EmbeddedRedis embeddedRedisServer) {
		int port = embeddedRedisServer.port();
		return new DataRedisConnectionDetails() {
			@Override
			public Standalone getStandalone() {
				return Standalone.of("127.0.0.1", port);
			}
		};
	}

	private static FileLock lock(FileChannel lockFile, Path dir) throws IOException {
		FileLock lock;
		try {
			lock = lockFile.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			lockFile.close();
			throw new IllegalStateException("Another bot's embedded Redis uses " + dir
					+ "; stop it, or give this one its own folder with BOT_EMBEDDED_REDIS_DIR");
		}
		return lock;
	}

	/**
	 * A value as redis.conf reads it: in double quotes, backslashes and quotes escaped.
	 */
	private static String quoted(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the embedded Redis", ex);
		}
	}

	/**
	 * The running embedded server and the lock on its data folder.
	 *
	 * @param server the Redis process
	 * @param port its loopback port
	 * @param lock held while the server runs
	 * @param lockFile the channel the lock is on
	 */
	record EmbeddedRedis(RedisServer server, int port, FileLock lock, FileChannel lockFile) {

		void stop() throws IOException {
			try {
				this.server.stop();
			}
			finally {
				this.lockFile.close();
			}
		}

	}

	/**
	 * Where the embedded Redis keeps its data.
	 *
	 * @param dir its data folder (append-only file); relative to the working directory
	 */
	@Validated
	@ConfigurationProperties("bot.embedded-redis")
	record EmbeddedRedisProperties(@NotNull @DefaultValue("./data/redis") Path dir) {
	}

	/**
	 * Matches when neither spring.data.redis.url (REDIS_URL) nor spring.data.redis.host
	 * is set.
	 */
	static class NoRedisConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return th.or.depa.sca.bot.BotMode.simulator(context.getEnvironment())
					&& !StringUtils.hasText(context.getEnvironment().getProperty("spring.data.redis.url"))
					&& !StringUtils.hasText(context.getEnvironment().getProperty("spring.data.redis.host"));
		}

	}

}
