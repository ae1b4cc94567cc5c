package th.or.depa.sca.loadtest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command-line options of the load generator.
 *
 * @param rate target webhook events per second
 * @param warmup sending time before the measured window
 * @param duration length of the measured window
 * @param drain how long to wait for outstanding acks and replies afterwards
 * @param users distinct synthetic LINE users the events rotate through
 * @param maxInFlight cap on unacknowledged requests; events beyond it are counted as not
 * sent
 * @param stubDelay simulated LINE API latency
 * @param stubPort port of the LINE API stub, 0 for a free one
 * @param targetAckP99Millis pass threshold for the ack p99
 * @param targetReplyP99Millis pass threshold for the reply p99 (intended send to the
 * answer reaching the LINE API)
 * @param java launcher for the bot
 * @param botJar the packaged bot
 * @param botJvmArgs extra JVM arguments for the bot
 * @param target URL of an already running bot, or null to launch one
 * @param secret channel secret of that bot, or null to generate one
 * @param outDir where the bot log and the JSON result go
 * @param texts file of texts to send, or null for the FAQ evaluation set
 * @param mix relative weights of the kinds of events
 * @param seed seeds who sends what, and which stub calls fail
 * @param stubRateLimit calls per second and endpoint above which the stub answers 429, 0
 * for none
 * @param stubServerErrorRate share of stub calls answered 500
 * @param stubTimeoutRate share of stub calls delivered but never answered
 * @param redisUrl an existing Redis for the launched bot, or null for an embedded one
 * @param generatorWarmup requests the generator sends to a stub of its own before the
 * run, to warm its JIT
 * @param thenRate events per second of a second phase after the measured window, 0 for
 * none
 * @param thenDuration length of that phase
 * @param redeliverAfter delay before the first resend of a refused or failed webhook
 * @param webhookTimeout how long a webhook waits for its answer before it fails
 * @param botEnv extra environment for the launched bot
 */
record Options(double rate, Duration warmup, Duration duration, Duration drain, int users, int maxInFlight,
		Duration stubDelay, int stubPort, double targetAckP99Millis, double targetReplyP99Millis, String java,
		Path botJar, List<String> botJvmArgs, URI target, String secret, Path outDir, Path texts, TrafficMix mix,
		long seed, double stubRateLimit, double stubServerErrorRate, double stubTimeoutRate, String redisUrl,
		int generatorWarmup, double thenRate, Duration thenDuration, Duration redeliverAfter, Duration webhookTimeout,
		Map<String, String> botEnv) {

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

	static final String USAGE = """
			Usage: LoadGenerator [options]

			Sends signed LINE webhooks open-loop at a fixed rate to the bot and checks that every
			event is acknowledged quickly and answered exactly once through a local LINE API stub.
			The traffic is real chat: the FAQ evaluation questions varied as people type them
			(particles, typos, emoji, names, numbers), greetings, thanks, stickers and follows,
			from many users. By default it launches the bot jar itself (embedded Redis, stub as
			LINE API) and stops it at the end. Everything runs on 127.0.0.1.

			Load:
			  --rate N                 target events per second (default 2000)
			  --warmup D               ramp from 0 to the rate, not counted (default 10s)
			  --duration D             measured sending time (default 30s)
			  --drain D                wait for outstanding acks and replies (default 15s)
			  --users N                distinct synthetic users (default 1000)
			  --max-in-flight N        unacknowledged requests before events are dropped (default 4000)
			  --webhook-timeout D      how long a webhook may wait for its answer before it fails and
			                           is redelivered, as LINE gives up after 2 s (default 2s)
			  --target-ack-p99-ms X    pass threshold for ack latency p99 (default 50)
			  --target-reply-p99-ms X  pass threshold for reply latency p99, from intended send to the
			                           answer reaching the LINE API (default 200)
			  --generator-warmup N     requests the generator first sends to a stub of its own, while
			                           the bot starts, so that its cost is measured warm (default 20000)
			  --then-rate N            after the measured window, a second measured phase at this rate
			  --then-duration D        ... lasting this long (e.g. overload, then back to half)
			  --redeliver-after D      like LINE with webhook redelivery on: a webhook answered 5xx or
			                           not at all is sent again (isRedelivery true) after D, until
			                           accepted (default 2s; 0s: never)
			  --bot-env K=V,K=V        extra environment for the bot it launches

			Traffic:
			  --texts PATH             texts to send: the eval TSV (question column) or one per line
			                           (default templates/src/test/resources/faq/eval.tsv)
			  --mix SPEC               weights of the event kinds; kinds not named get 0
			                           (default questions=72,greetings=8,thanks=6,stickers=5,photos=2,follows=1,
			                           forms=6: registration by chat, a quarter of the users registering)
			  --seed N                 who sends what, and which stub calls fail (default 1)

			LINE API stub (reply tokens work once, within 30 s; pushes dedupe by retry key):
			  --stub-delay-ms N        latency of every stub answer (default 30)
			  --stub-port N            stub port, 0 = any free port (default 0)
			  --stub-rate-limit N      calls per second and endpoint above which it answers 429
			                           (default 0 = no limit)
			  --stub-5xx-rate X        share of calls answered 500, 0..1 (default 0)
			  --stub-timeout-rate X    share of calls delivered but never answered, 0..1 (default 0)

			Bot (launch mode, the default):
			  --bot-jar PATH           packaged bot (default bot/target/bot.jar)
			  --bot-jvm-args "ARGS"    extra JVM arguments for the bot, space separated
			  --java PATH              java launcher for the bot (default: the one running this)
			  --redis-url URL          an existing Redis for the bot, e.g. redis://127.0.0.1:6379/0
			                           (default: an embedded one; the run writes to that Redis)

			Bot (already running):
			  --target URL             e.g. http://127.0.0.1:8080; no bot is launched. Start that bot with
			                           LINE_API_BASE_URL and LINE_DATA_API_BASE_URL pointing at the stub
			                           (fix its port with --stub-port) and the same channel secret.
			  --secret S               channel secret of that bot (required with --target)

			Output:
			  --out-dir PATH           bot.log and load-test-result.json (default load-test/target)
			  --help                   this text

			Durations: 500ms, 30s, 2m, 1h. Exit code: 0 PASS, 1 FAIL, 2 setup error.
			""";

	static Options parse(String... args) {
		double rate = 2000;
		Duration warmup = Duration.ofSeconds(10);
		Duration duration = Duration.ofSeconds(30);
		Duration drain = Duration.ofSeconds(15);
		int users = 1000;
		int maxInFlight = 4000;
		Duration webhookTimeout = Duration.ofSeconds(2);
		Duration stubDelay = Duration.ofMillis(30);
		int stubPort = 0;
		double targetAckP99Millis = 50;
		double targetReplyP99Millis = 200;
		String java = null;
		Path botJar = Path.of("bot", "target", "bot.jar");
		List<String> botJvmArgs = List.of();
		URI target = null;
		String secret = null;
		Path outDir = Path.of("load-test", "target");
		Path texts = null;
		TrafficMix mix = TrafficMix.DEFAULT;
		long seed = 1;
		double stubRateLimit = 0;
		double stubServerErrorRate = 0;
		double stubTimeoutRate = 0;
		String redisUrl = null;
		int generatorWarmup = 20_000;
		double thenRate = 0;
		Duration thenDuration = Duration.ZERO;
		Duration redeliverAfter = Duration.ofSeconds(2);
		Map<String, String> botEnv = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument: " + arg);
			}
			String name = arg;
			String value;
			int equals = arg.indexOf('=');
			if (equals > 0) {
				name = arg.substring(0, equals);
				value = arg.substring(equals + 1);
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				throw new IllegalArgumentException(arg + " needs a value");
			}
			switch (name) {
				case "--rate" -> rate = positiveDouble(name, value);
				case "--warmup" -> warmup = parseDuration(value);
				case "--duration" -> duration = parseDuration(value);
				case "--drain" -> drain = parseDuration(value);
				case "--users" -> users = positiveInt(name, value);
				case "--max-in-flight" -> maxInFlight = positiveInt(name, value);
				case "--webhook-timeout" -> webhookTimeout = parseDuration(value);
				case "--stub-delay-ms" -> stubDelay = Duration.ofMillis(nonNegativeInt(name, value));
				case "--stub-port" -> stubPort = port(name, value);
				case "--target-ack-p99-ms" -> targetAckP99Millis = positiveDouble(name, value);
				case "--target-reply-p99-ms" -> targetReplyP99Millis = positiveDouble(name, value);
				case "--java" -> java = value;
				case "--bot-jar" -> botJar = Path.of(value);
				case "--bot-jvm-args" -> botJvmArgs = splitArgs(value);
				case "--target" -> target = loopbackUri(value);
				case "--secret" -> secret = value;
				case "--out-dir" -> outDir = Path.of(value);
				case "--texts" -> texts = Path.of(value);
				case "--mix" -> mix = TrafficMix.parse(value);
				case "--seed" -> seed = wholeNumber(name, value);
				case "--stub-rate-limit" -> stubRateLimit = nonNegativeDouble(name, value);
				case "--stub-5xx-rate" -> stubServerErrorRate = fraction(name, value);
				case "--stub-timeout-rate" -> stubTimeoutRate = fraction(name, value);
				case "--redis-url" -> redisUrl = redisUrl(value);
				case "--generator-warmup" -> generatorWarmup = nonNegativeInt(name, value);
				case "--then-rate" -> thenRate = positiveDouble(name, value);
				case "--then-duration" -> thenDuration = parseDuration(value);
				case "--redeliver-after" -> redeliverAfter = parseDuration(value);
				case "--bot-env" -> {
					for (String pair : value.split(",")) {
						int eq = pair.indexOf('=');
						if (eq <= 0) {
							throw new IllegalArgumentException("--bot-env needs K=V pairs: " + value);
						}
						botEnv.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
					}
				}
				default -> throw new IllegalArgumentException("unknown option: " + name);
			}
		}
		if (duration.isZero()) {
			throw new IllegalArgumentException("--duration must be longer than 0");
		}
		if (webhookTimeout.isZero() || webhookTimeout.isNegative()) {
			throw new IllegalArgumentException("--webhook-timeout must be longer than 0");
		}
		if ((thenRate == 0) != thenDuration.isZero()) {
			throw new IllegalArgumentException("--then-rate and --then-duration go together");
		}
		if (target != null && (secret == null || secret.isEmpty())) {
			throw new IllegalArgumentException("--target needs --secret, the channel secret that bot verifies with");
		}
		return new Options(rate, warmup, duration, drain, users, maxInFlight, stubDelay, stubPort, targetAckP99Millis,
				targetReplyP99Millis, (java != null) ? java : BotProcess.currentJava(), botJar, botJvmArgs, target,
				secret, outDir, texts, mix, seed, stubRateLimit, stubServerErrorRate, stubTimeoutRate, redisUrl,
				generatorWarmup, thenRate, thenDuration, redeliverAfter, webhookTimeout, Map.copyOf(botEnv));
	}

	static boolean asksForHelp(String... args) {
		return Arrays.stream(args).anyMatch((arg) -> arg.equals("--help") || arg.equals("-h"));
	}

	boolean launchesBot() {
		return this.target == null;
	}

	/**
	 * Parses {@code 500ms}, {@code 30s}, {@code 2m} or {@code 1h}; a unit is required to
	 * avoid ms/s mix-ups.
	 */
	static Duration parseDuration(String text) {
		Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a duration (use e.g. 500ms, 30s, 2m, 1h): " + text);
		}
		long amount;
		try {
			amount = Long.parseLong(matcher.group(1));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("duration too long: " + text, ex);
		}
		return switch (matcher.group(2)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofHours(amount);
		};
	}

	private static List<String> splitArgs(String value) {
		String trimmed = value.trim();
		return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
	}

	/**
	 * Only loopback targets: the generator must never put load on anything but this
	 * machine.
	 */
	private static URI loopbackUri(String value) {
		URI uri;
		try {
			uri = URI.create(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--target is not a URL: " + value, ex);
		}
		String host = uri.getHost();
		if (!"http".equals(uri.getScheme()) || host == null
				|| !(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"))) {
			throw new IllegalArgumentException("--target must be an http URL on this machine (127.0.0.1): " + value);
		}
		return uri;
	}

	private static double positiveDouble(String name, String value) {
		double parsed;
		try {
			parsed = Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " needs a number: " + value, ex);
		}
		if (!(parsed > 0) || Double.isInfinite(parsed)) {
			throw new IllegalArgumentException(name + " must be positive: " + value);
		}
		return parsed;
	}

	private static String redisUrl(String value) {
		if (!value.startsWith("redis://") && !value.startsWith("rediss://")) {
			throw new IllegalArgumentException("--redis-url must be a redis:// or rediss:// URL: " + value);
		}
		return value;
	}

	private static double nonNegativeDouble(String name, String value) {
		double parsed;
		try {
			parsed = Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " needs a number: " + value, ex);
		}
		if (!(parsed >= 0) || Double.isInfinite(parsed)) {
			throw new IllegalArgumentException(name + " must not be negative: " + value);
		}
		return parsed;
	}

	private static double fraction(String name, String value) {
		double parsed = nonNegativeDouble(name, value);
		if (parsed > 1) {
			throw new IllegalArgumentException(name + " is a share between 0 and 1: " + value);
		}
		return parsed;
	}

	private static long wholeNumber(String name, String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " needs a whole number: " + value, ex);
		}
	}

	private static int positiveInt(String name, String value) {
		int parsed = nonNegativeInt(name, value);
		if (parsed == 0) {
			throw new IllegalArgumentException(name + " must be positive: " + value);
		}
		return parsed;
	}

	private static int port(String name, String value) {
		int parsed = nonNegativeInt(name, value);
		if (parsed > 65535) {
			throw new IllegalArgumentException(name + " is not a port: " + value);
		}
		return parsed;
	}

	private static int nonNegativeInt(String name, String value) {
		int parsed;
		try {
			parsed = Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " needs a whole number: " + value, ex);
		}
		if (parsed < 0) {
			throw new IllegalArgumentException(name + " must not be negative: " + value);
		}
		return parsed;
	}

}
