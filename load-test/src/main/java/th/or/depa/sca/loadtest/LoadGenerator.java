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
import java.time.Clock;
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

	// Extra wait after everything looks answered, so a late second answer still shows up
	// as a duplicate.
	private static final Duration DUPLICATE_GRACE = Duration.ofMillis(500);

	private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

	private final Options options;

	/**
	 * The launched bot's CPU, memory and time to ready; null for a bot already running.
	 */
	private BotWatch watch;

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
		ChatTexts texts = loadTexts();
		WebhookEvents events = new WebhookEvents(this.options.users(), texts, this.options.mix(), this.options.seed());
		AnswerLedger ledger = new AnswerLedger(Clock.systemUTC());
		try (LineApiStub stub = startStub(ledger)) {
			String secret;
			URI bot;
			BotProcess process = null;
			URI health = null;
			redis.embedded.RedisServer redis = null;
			int redisPort = 0;
			if (this.options.launchesBot()) {
				secret = randomSecret();
				int port = freePort();
				int managementPort = freePort();
				String redisUrl = this.options.redisUrl();
				if (redisUrl == null) {
					redisPort = freePort();
					redis = startRedis(redisPort);
					redisUrl = "redis://127.0.0.1:" + redisPort;
				}
				bot = URI.create("http://127.0.0.1:" + port);
				// Readiness, as a load balancer sees it: UP only once the bot has warmed
				// up.
				health = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
				long launched = System.nanoTime();
				process = launchBot(stub.baseUri(), secret, port, managementPort, redisUrl);
				this.watch = new BotWatch(process.handle(), launched);
			}
			else {
				secret = this.options.secret();
				bot = this.options.target();
				this.err.println("load-test: LINE API stub at " + stub.baseUri() + "; the bot at " + bot
						+ " must use it as LINE_API_BASE_URL and LINE_DATA_API_BASE_URL");
			}
			try {
				warmUpGenerator(texts);
				if (process != null) {
					awaitHealthy(process, health);
					this.watch.ready();
				}
				return load(events, ledger, stub, bot, secret);
			}
			finally {
				if (this.watch != null) {
					this.watch.close();
				}
				if (process != null) {
					this.err.println("load-test: stopping the bot");
					process.close();
				}
				if (redis != null) {
					stopRedis(redis, redisPort);
				}
			}
		}
	}

	/** While the bot starts, so that it costs the run no time. */
	private void warmUpGenerator(ChatTexts texts) throws InterruptedException {
		int requests = this.options.generatorWarmup();
		if (requests == 0) {
			return;
		}
		Duration took = GeneratorWarmup.run(requests, texts, this.options.mix(), this.options.users(),
				this.options.seed());
		this.err.printf(Locale.ROOT,
				"load-test: warmed the generator up with %d requests to a stub of its own in %.1f s%n", requests,
				seconds(took));
	}

	private ChatTexts loadTexts() throws SetupException {
		Path file = this.options.texts();
		if (file == null) {
			file = ChatTexts.findEvalSet()
				.orElseThrow(() -> new SetupException("no FAQ evaluation set at " + ChatTexts.EVAL_SET
						+ " (run from the repository root or load-test/) and no --texts", null));
		}
		try {
			ChatTexts texts = ChatTexts.load(file);
			this.err.println("load-test: " + texts.questionCount() + " questions from " + file + ", mix "
					+ this.options.mix() + ", " + this.options.users() + " users, seed " + this.options.seed());
			return texts;
		}
		catch (IOException ex) {
			throw new SetupException("cannot read the texts in " + file + ": " + ex.getMessage(), ex);
		}
	}

	private LineApiStub startStub(AnswerLedger ledger) throws SetupException, InterruptedException {
		Options opts = this.options;
		LineApiStub.Settings settings = new LineApiStub.Settings(opts.stubPort(), opts.stubDelay(),
				opts.stubRateLimit(), opts.stubServerErrorRate(), opts.stubTimeoutRate(), opts.seed(), ledger.clock());
		try {
			return LineApiStub.start(settings, ledger);
		}
		catch (InterruptedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			// Netty rethrows the bind failure (a checked BindException) undeclared.
			throw new SetupException("cannot start the LINE API stub on port " + opts.stubPort(), ex);
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

	/**
	 * Stops the Redis the run started; if its stop fails (the server left running, as
	 * seen after some runs), asks the server itself to shut down, so that no Redis
	 * outlives the run.
	 */
	private void stopRedis(redis.embedded.RedisServer server, int port) {
		try {
			server.stop();
		}
		catch (java.io.IOException ex) {
			// Still running, perhaps: shut it down by its own command below.
		}
		try (java.net.Socket socket = new java.net.Socket()) {
			socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 500);
			socket.getOutputStream()
				.write("*2\r\n$8\r\nSHUTDOWN\r\n$6\r\nNOSAVE\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			socket.setSoTimeout(2000);
			// The server closes the connection as it exits.
			while (socket.getInputStream().read() >= 0) {
				// drain
			}
			this.err.println("load-test: the run's Redis outlived its stop; it was shut down by command");
		}
		catch (java.net.ConnectException ex) {
			// Stopped, as it should be.
		}
		catch (java.io.IOException ex) {
			this.err.println("load-test: could not make sure the run's Redis on port " + port + " stopped: "
					+ ex.getClass().getSimpleName());
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
		if (this.options.mix().forms() > 0 || !this.options.botEnv().isEmpty()) {
			Map<String, String> extended = new java.util.HashMap<>(environment);
			if (this.options.mix().forms() > 0) {
				// Registration is open only within a round's dates: the run's bot has its
				// current round's window moved to today (the documented override), so
				// that the registration steps fill in real forms.
				java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
				extended.put("REGISTRATION_OPENS_AT", now.minusDays(1).toString());
				extended.put("REGISTRATION_CLOSES_AT", now.plusDays(30).toString());
			}
			extended.putAll(this.options.botEnv());
			environment = extended;
		}
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

	private int load(WebhookEvents events, AnswerLedger ledger, LineApiStub stub, URI bot, String secret)
			throws InterruptedException {
		Options opts = this.options;
		// A short lead so that event 0 is not already late when the pacer starts.
		Schedule schedule = new Schedule(System.nanoTime() + Duration.ofMillis(100).toNanos(), opts.rate(),
				opts.warmup(), opts.duration(), opts.thenRate(), opts.thenDuration());
		ledger.begin(schedule, events.userIds());
		try (Pacer pacer = new Pacer(bot.resolve("/callback"), secret, events, ledger, schedule, opts.maxInFlight(),
				opts.webhookTimeout(), opts.redeliverAfter())) {
			this.err.printf(Locale.ROOT,
					"load-test: ramp up to %.0f events/s in %.1f s, measure %.1f s%s, then drain up to %.1f s%n",
					opts.rate(), seconds(opts.warmup()), seconds(opts.duration()),
					(opts.thenRate() > 0) ? String.format(Locale.ROOT, " and then %.0f events/s for %.1f s",
							opts.thenRate(), seconds(opts.thenDuration())) : "",
					seconds(opts.drain()));
			CpuWindow window = new CpuWindow(schedule, pacer.stats(), this.watch);
			Thread progress = Thread.ofVirtual().start(() -> printProgress(schedule, pacer, events, ledger, stub));
			ProcessCpu.Usage cpu;
			try {
				pacer.run();
				cpu = window.end();
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
			Report.Traffic traffic = new Report.Traffic(opts.mix().toString(), opts.users(), events.textsSent(),
					events.uniqueTexts(), events.formEvents(), events.submits());
			Report report = Report.of(schedule, pacer.stats(), ledger, stub.counts(), traffic, cpu,
					opts.targetAckP99Millis(), opts.targetReplyP99Millis());
			this.out.print(report.toText());
			writeJson(report);
			if (pacer.redeliveriesSent() > 0) {
				this.out.printf(Locale.ROOT,
						"redeliveries: %d webhooks sent again after a 5xx or no answer, %d accepted%n",
						pacer.redeliveriesSent(), pacer.redeliveredAccepted());
			}
			if (this.watch != null) {
				long measured = pacer.stats().sent();
				this.out.print(this.watch.toText(measured));
				try {
					Files.writeString(opts.outDir().resolve("load-test-bot.json"), this.watch.toJson(measured),
							StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					this.err.println("load-test: cannot write load-test-bot.json: " + ex.getMessage());
				}
			}
			return report.passed() ? EXIT_PASS : EXIT_FAIL;
		}
	}

	private void printProgress(Schedule schedule, Pacer pacer, WebhookEvents events, AnswerLedger ledger,
			LineApiStub stub) {
		AckStats stats = pacer.stats();
		long lastCpu = ProcessCpu.nanos();
		long lastCompile = ProcessCpu.compileNanos();
		long lastSent = 0;
		try {
			while (true) {
				Thread.sleep(PROGRESS_INTERVAL);
				long cpu = ProcessCpu.nanos();
				long compile = ProcessCpu.compileNanos();
				long sent = stats.sentWarmup() + stats.sent();
				ProcessCpu.Usage interval = new ProcessCpu.Usage((lastCpu < 0) ? -1 : cpu - lastCpu,
						PROGRESS_INTERVAL.toNanos(), sent - lastSent, (lastCompile < 0) ? -1 : compile - lastCompile);
				lastCpu = cpu;
				lastCompile = compile;
				lastSent = sent;
				double elapsed = (System.nanoTime() - schedule.startNanos()) / 1e9;
				LineApiStub.StubCounts counts = stub.counts();
				this.err.printf(Locale.ROOT,
						"load-test: t=%.0fs sent warmup %d measured %d, acked 2xx %d, in flight %d, answered %d, "
								+ "pushes %d, stub sent 429 %d 5xx %d timeouts %d, connections %d, worst ack %.1f ms, "
								+ "unique texts %.1f %%, generator CPU %s ms/event (%s %% of a core, JIT %s ms/event)%n",
						elapsed, stats.sentWarmup(), stats.sent(), stats.acked2xx(), stats.inFlight(),
						ledger.answeredMeasured(), ledger.pushes(), counts.rateLimited(), counts.serverErrors(),
						counts.timeouts(), pacer.openConnections(), stats.takeIntervalMaxMicros() / 1000.0,
						(events.textsSent() == 0) ? 0.0 : 100.0 * events.uniqueTexts() / events.textsSent(),
						Report.number(interval.millisPerEvent()), Report.number(interval.percentOfOneCore()),
						Report.number(interval.compileMillisPerEvent()));
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
	 * The process CPU time over the measured window: sampled when the window opens (on a
	 * virtual thread of its own) and when the last event has gone out.
	 */
	private static final class CpuWindow {

		private final AckStats stats;

		private final Thread starter;

		private final BotWatch bot;

		private volatile long startCpu = -1;

		private volatile long startCompile = -1;

		private volatile long startNanos;

		CpuWindow(Schedule schedule, AckStats stats, BotWatch bot) {
			this.stats = stats;
			this.bot = bot;
			this.starter = Thread.ofPlatform().daemon().name("load-test-cpu-window").start(() -> {
				long wait = schedule.measureStartNanos() - System.nanoTime();
				try {
					if (wait > 0) {
						Thread.sleep(Duration.ofNanos(wait));
					}
				}
				catch (InterruptedException ex) {
					return;
				}
				this.startNanos = System.nanoTime();
				if (this.bot != null) {
					this.bot.windowStarts();
				}
				this.startCompile = ProcessCpu.compileNanos();
				this.startCpu = ProcessCpu.nanos();
			});
		}

		/** The usage since the window opened; unknown if it never did. */
		ProcessCpu.Usage end() throws InterruptedException {
			long cpu = ProcessCpu.nanos();
			long compile = ProcessCpu.compileNanos();
			long now = System.nanoTime();
			if (this.bot != null) {
				this.bot.windowEnds();
			}
			this.starter.interrupt();
			this.starter.join();
			if (this.startCpu < 0 || cpu < 0) {
				return ProcessCpu.Usage.UNKNOWN;
			}
			return new ProcessCpu.Usage(cpu - this.startCpu, now - this.startNanos, this.stats.sent(),
					(compile < 0 || this.startCompile < 0) ? -1 : compile - this.startCompile);
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
