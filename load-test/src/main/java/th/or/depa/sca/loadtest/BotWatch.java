package th.or.depa.sca.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What the launched bot costs: time from its process start to readiness, its CPU per
 * measured event and its resident memory (sampled, and the kernel's high-water mark),
 * read from the process itself, so that no figure relies on the bot's own metrics.
 */
final class BotWatch implements AutoCloseable {

	private final ProcessHandle bot;

	private final long startedNanos;

	private volatile long readyNanos = -1;

	private volatile long cpuAtWindowStart = -1;

	private volatile long cpuAtWindowEnd = -1;

	private volatile long maxRssKb;

	private final Thread sampler;

	BotWatch(ProcessHandle bot, long startedNanos) {
		this.bot = bot;
		this.startedNanos = startedNanos;
		this.sampler = Thread.ofPlatform().daemon().name("load-test-bot-watch").start(() -> {
			try {
				while (true) {
					long rss = statusKb("VmRSS");
					if (rss > this.maxRssKb) {
						this.maxRssKb = rss;
					}
					Thread.sleep(250);
				}
			}
			catch (InterruptedException ex) {
				// The run is over.
			}
		});
	}

	void ready() {
		this.readyNanos = System.nanoTime();
	}

	void windowStarts() {
		this.cpuAtWindowStart = cpuNanos();
	}

	void windowEnds() {
		this.cpuAtWindowEnd = cpuNanos();
	}

	/** Seconds from process start to readiness, -1 if unknown. */
	double readySeconds() {
		return (this.readyNanos < 0) ? -1 : (this.readyNanos - this.startedNanos) / 1e9;
	}

	/** The bot's CPU per event of the measured window, -1 if unknown. */
	double cpuMillisPerEvent(long events) {
		if (this.cpuAtWindowStart < 0 || this.cpuAtWindowEnd < 0 || events == 0) {
			return -1;
		}
		return (this.cpuAtWindowEnd - this.cpuAtWindowStart) / 1e6 / events;
	}

	/** The most resident memory seen, in MiB. */
	double maxRssMib() {
		return Math.max(this.maxRssKb, statusKb("VmHWM")) / 1024.0;
	}

	String toText(long events) {
		return String
			.format(Locale.ROOT,
					"bot: ready %.1f s after its process started; CPU %.3f ms/event in the measured window; "
							+ "resident memory at most %.0f MiB%n",
					readySeconds(), cpuMillisPerEvent(events), maxRssMib());
	}

	String toJson(long events) {
		return String.format(Locale.ROOT, "{\"readySeconds\":%.3f,\"cpuMillisPerEvent\":%.4f,\"maxRssMib\":%.1f}%n",
				readySeconds(), cpuMillisPerEvent(events), maxRssMib());
	}

	private long cpuNanos() {
		return this.bot.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
	}

	/** A field of /proc/[pid]/status in kB (Linux), 0 when not readable. */
	private long statusKb(String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.bot.pid()), "status"),
					StandardCharsets.US_ASCII)) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux, or the process is gone.
		}
		return 0;
	}

	@Override
	public void close() {
		this.sampler.interrupt();
	}

}
