package th.or.depa.sca.loadtest;

import java.time.Duration;

/**
 * When each event is due: a linear ramp from 0 to the target rate during warmup, then
 * exactly one event every {@code 1 / rate} seconds.
 *
 * @param startNanos {@link System#nanoTime()} at which the warmup starts
 * @param ratePerSecond target events per second
 * @param warmup ramp-up time, sent but not counted
 * @param measured length of the measured window
 */
record Schedule(long startNanos, double ratePerSecond, Duration warmup, Duration measured) {

	Schedule {
		if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
			throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
		}
		if (warmup.isNegative() || measured.isNegative()) {
			throw new IllegalArgumentException("durations must not be negative");
		}
	}

	/**
	 * Events of the ramp: half of what the full rate would send. Starting at full rate
	 * would hit a cold bot and a cold client with thousands of requests at once; the
	 * backlog and the thousands of connections it opens then distort the measured window.
	 */
	long warmupEvents() {
		return Math.round(this.ratePerSecond * seconds(this.warmup) / 2);
	}

	long measuredEvents() {
		return Math.round(this.ratePerSecond * seconds(this.measured));
	}

	long totalEvents() {
		return warmupEvents() + measuredEvents();
	}

	/**
	 * Computed from seq rather than accumulated, so rounding never drifts over a long
	 * run.
	 */
	long dueNanos(long seq) {
		long warmupEvents = warmupEvents();
		if (seq < warmupEvents) {
			// The rate grows as rate * t / warmup, so seq events are due by
			// t = sqrt(2 * warmup * seq / rate).
			return this.startNanos + (long) (Math.sqrt(2 * seconds(this.warmup) * seq / this.ratePerSecond) * 1e9);
		}
		return measureStartNanos() + (long) ((seq - warmupEvents) * 1e9 / this.ratePerSecond);
	}

	boolean isMeasured(long seq) {
		return seq >= warmupEvents() && seq < totalEvents();
	}

	long measureStartNanos() {
		return this.startNanos + this.warmup.toNanos();
	}

	long measureEndNanos() {
		return measureStartNanos() + (long) (measuredEvents() * 1e9 / this.ratePerSecond);
	}

	double measuredSeconds() {
		return (measureEndNanos() - measureStartNanos()) / 1e9;
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

}
