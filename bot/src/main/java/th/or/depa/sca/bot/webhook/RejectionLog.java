package th.or.depa.sca.bot.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Logs rejected webhooks without a line per rejection: the first of each outcome at once,
 * then at most one line per outcome and interval, with how many there were since. Under
 * overload, or a flood of unsigned requests, a line per request cost more than the
 * rejection itself (one lock-guarded JSON line each, thousands per second); the
 * {@code bot.webhook.requests} counter still counts every one.
 */
final class RejectionLog {

	private final Logger log;

	private final long intervalNanos;

	/** One window per outcome; the outcomes are the servlet's own constants. */
	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	RejectionLog(Logger log, Duration interval) {
		this.log = log;
		this.intervalNanos = interval.toNanos();
	}

	void rejected(String outcome, int status) {
		Window window = this.windows.computeIfAbsent(outcome, (key) -> new Window());
		window.count.incrementAndGet();
		long now = System.nanoTime();
		long due = window.due;
		if (window.logged && now - due < 0) {
			return;
		}
		synchronized (window) {
			if (window.logged && now - window.due < 0) {
				return;
			}
			window.logged = true;
			window.due = now + this.intervalNanos;
		}
		this.log.atWarn()
			.setMessage("webhook rejected")
			.addKeyValue("outcome", outcome)
			.addKeyValue("status", status)
			.addKeyValue("count", window.count.getAndSet(0))
			.log();
	}

	private static final class Window {

		final AtomicLong count = new AtomicLong();

		volatile boolean logged;

		volatile long due;

	}

}
