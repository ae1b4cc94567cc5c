package th.or.depa.sca.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Entry point: starts the LINE API stub and the bot, sends the load, prints the verdict.
 */
public final class LoadGenerator {

	static final int EXIT_PASS = 0;

	static final int EXIT_FAIL = 1;

	static final int EXIT_SETUP_ERROR = 2;

	private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(90);

	// Far beyond any acceptable ack; it only bounds how long a hung request holds an
	// in-flight slot (and its connection).
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	// Extra wait after everything looks answered, so a late second answer still shows up
	// as a duplicate.
	private static final Duration DUPLICATE_GRACE = Duration.ofMillis(500);

	private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

	private final Options options;

	private final PrintStream out;

	private final PrintStream err;

	private LoadGenerator(Options options, PrintStream out, PrintStream err) {
		this.options = options;
		this.out = out;
		this.err = err;
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		if (Options.asksForHelp(args)) {
			out.print(Options.USAGE);
			return EXIT_PASS;
		}
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("load-test: " + ex.getMessage());
			err.println("Try --help.");
			return EXIT_SETUP_ERROR;
		}
		try {
			return new LoadGenerator(options, out, err).execute();
		}
		catch (SetupException ex) {
			err.println("load-test: setup failed: " + ex.getMessage());
			return EXIT_SETUP_ERROR;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			err.println("load-test: interrupted");
			return EXIT_SETUP_ERROR;
		}
	}

	private int execute() throws SetupException, InterruptedException {
		AnswerLedger ledger = new AnswerLedger();
		try (LineApiStub stub = startStub(ledger)) {
			String secret;
			URI bot;
			BotProcess process = null;
			URI health = null;
			redis.embedded.RedisServer redis = null;
			if (this.options.launchesBot()) {
				secret = randomSecret();
				int port = freePort();
				int managementPort = freePort();
				int redisPort = freePort();
				redis = startRedis(redisPort);
				bot = URI.create("http://127.0.0.1:" + port);
				health = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health");
				process = launchBot(stub.baseUri(), secret, port, managementPort, "redis://127.0.0.1:" + redisPort);
			}
			else {
				secret = this.options.secret();
				bot = this.options.target();
				this.err.println("load-test: LINE API stub at " + stub.baseUri() + "; the bot at " + bot
						+ " must use it as LINE_API_BASE_URL and LINE_DATA_API_BASE_URL");
			}
			try {
				if (process != null) {
					awaitHealthy(process, health);
				}
				return load(ledger, stub, bot, secret);
			}
			finally {
				if (process != null) {
					this.err.println("load-test: stopping the bot");
					process.close();
				}
				if (redis != null) {
					stopRedis(redis);
				}
			}
		}
	}

	private LineApiStub startStub(AnswerLedger ledger) throws SetupException {
		try {
			return LineApiStub.start(this.options.stubPort(), this.options.stubDelay(), ledger);
		}
		catch (IOException ex) {
			throw new SetupException("cannot start the LINE API stub on port " + this.options.stubPort(), ex);
		}
	}

	/** A real Redis on loopback for the bot it launches, persisting nothing. */
	private static redis.embedded.RedisServer startRedis(int port) throws SetupException {
		try {
			redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(port)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			return server;
		}
		catch (java.io.IOException ex) {
			throw new SetupException("cannot start a Redis for the bot", ex);
		}
	}

	private static void stopRedis(redis.embedded.RedisServer server) {
		try {
			server.stop();
		}
		catch (java.io.IOException ex) {
			// Nothing to save; the process ends with the run.
		}
	}

	private BotProcess launchBot(URI stub, String secret, int port, int managementPort, String redisUrl)
			throws SetupException {
		Path jar = this.options.botJar();
		if (!Files.isRegularFile(jar)) {
			throw new SetupException("no bot jar at " + jar.toAbsolutePath()
					+ "; build it first (./mvnw -q -DskipTests package) or pass --bot-jar", null);
		}
		Map<String, String> environment = Map.of("LINE_CHANNEL_SECRET", secret, "LINE_CHANNEL_TOKEN", "loadtest-token",
				"LINE_API_BASE_URL", stub.toString(), "LINE_DATA_API_BASE_URL", stub.toString(), "SERVER_PORT",
				Integer.toString(port),
				// Loopback only: a load-test bot with a throwaway secret has no business
				// on the network.
				"SERVER_ADDRESS", "127.0.0.1", "MANAGEMENT_PORT", Integer.toString(managementPort), "REDIS_URL",
				redisUrl, "BOT_DATA_KEY", th.or.depa.sca.store.redis.crypto.PersonalDataSealer.generateKeyset(),
				"BOT_INDEX_KEY", th.or.depa.sca.store.redis.crypto.KeyedHash.generateKeyset());
		Path log = this.options.outDir().resolve("bot.log");
		this.err.println("load-test: starting the bot on port " + port + " (log: " + log + ")");
		BotProcess process;
		try {
			process = BotProcess.start(this.options.java(), this.options.botJvmArgs(), jar, environment, log);
		}
		catch (IOException ex) {
			throw new SetupException("cannot start the bot with " + this.options.java(), ex);
		}
		// Ctrl-C must not leave a bot (and its embedded Redis) running; close() is
		// idempotent.
		Runtime.getRuntime().addShutdownHook(new Thread(process::close, "load-test-stop-bot"));
		return process;
	}

	private void awaitHealthy(BotProcess process, URI health) throws SetupException, InterruptedException {
		// The JDK client is plenty for a few polls and copes with anything the actuator
		// answers; only the load goes through the lean WebhookClient.
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		try {
			process.awaitHealthy(client, health, HEALTH_TIMEOUT);
		}
		catch (IOException ex) {
			throw new SetupException(ex.getMessage(), ex);
		}
		finally {
			// Not close(): it waits for every request, and a hung bot may never answer.
			client.shutdownNow();
		}
		this.err.println("load-test: the bot is up");
	}

	private int load(AnswerLedger ledger, LineApiStub stub, URI bot, String secret)
			throws SetupException, InterruptedException {
		Options opts = this.options;
		// A short lead so that event 0 is not already late when the pacer starts.
		Schedule schedule = new Schedule(System.nanoTime() + Duration.ofMillis(100).toNanos(), opts.rate(),
				opts.warmup(), opts.duration());
		ledger.begin(schedule);
		try (Pacer pacer = startPacer(bot, secret, schedule)) {
			this.err.printf(Locale.ROOT,
					"load-test: ramp up to %.0f events/s in %.1f s, measure %.1f s, then drain up to %.1f s%n",
					opts.rate(), seconds(opts.warmup()), seconds(opts.duration()), seconds(opts.drain()));
			Thread progress = Thread.ofVirtual().start(() -> printProgress(schedule, pacer, ledger));
			try {
				pacer.run();
				long drainStart = System.nanoTime();
				if (pacer.awaitSettled(ledger, opts.drain())) {
					Duration left = opts.drain().minusNanos(System.nanoTime() - drainStart);
					Thread.sleep(min(DUPLICATE_GRACE, left));
				}
			}
			finally {
				progress.interrupt();
			}
			pacer.stats().closeOutstanding(System.nanoTime());
			Report report = Report.of(schedule, pacer.stats(), ledger, stub.counts(), opts.targetAckP99Millis());
			this.out.print(report.toText());
			writeJson(report);
			return report.passed() ? EXIT_PASS : EXIT_FAIL;
		}
	}

	private Pacer startPacer(URI bot, String secret, Schedule schedule) throws SetupException {
		try {
			return new Pacer(bot.resolve("/callback"), secret, new WebhookEvents(this.options.users()), schedule,
					this.options.maxInFlight(), REQUEST_TIMEOUT);
		}
		catch (IOException ex) {
			throw new SetupException("cannot start the webhook client", ex);
		}
	}

	private void printProgress(Schedule schedule, Pacer pacer, AnswerLedger ledger) {
		AckStats stats = pacer.stats();
		try {
			while (true) {
				Thread.sleep(PROGRESS_INTERVAL);
				double elapsed = (System.nanoTime() - schedule.startNanos()) / 1e9;
				this.err.printf(Locale.ROOT,
						"load-test: t=%.0fs sent warmup %d measured %d, acked 2xx %d, in flight %d, answered %d, "
								+ "connections %d, worst ack %.1f ms%n",
						elapsed, stats.sentWarmup(), stats.sent(), stats.acked2xx(), stats.inFlight(),
						ledger.answeredMeasured(), pacer.openConnections(), stats.takeIntervalMaxMicros() / 1000.0);
			}
		}
		catch (InterruptedException ex) {
			// The run is over.
		}
	}

	private void writeJson(Report report) {
		Path file = this.options.outDir().resolve("load-test-result.json");
		try {
			Files.createDirectories(this.options.outDir());
			Files.writeString(file, report.toJson(), StandardCharsets.UTF_8);
			this.out.println("  result written to " + file);
		}
		catch (IOException ex) {
			// The verdict is already printed; a missing file should not change the exit
			// code.
			this.err.println("load-test: cannot write " + file + ": " + ex.getMessage());
		}
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	private static Duration min(Duration a, Duration b) {
		Duration smaller = (a.compareTo(b) <= 0) ? a : b;
		return smaller.isNegative() ? Duration.ZERO : smaller;
	}

	private static String randomSecret() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static int freePort() throws SetupException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new SetupException("no free port on 127.0.0.1", ex);
		}
	}

	/**
	 * Something needed for the run could not be set up; the run never started or cannot
	 * be judged.
	 */
	static final class SetupException extends Exception {

		SetupException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
