package th.or.depa.sca.loadtest;

import java.time.Duration;

/**
 * When each event is due: a linear ramp from 0 to the target rate during warmup, then
 * exactly one event every {@code 1 / rate} seconds, then optionally a second measured
 * phase at another rate (an overload followed by a calmer spell, say).
 *
 * @param startNanos {@link System#nanoTime()} at which the warmup starts
 * @param ratePerSecond target events per second
 * @param warmup ramp-up time, sent but not counted
 * @param measured length of the measured window at {@code ratePerSecond}
 * @param thenRate events per second of the second phase (0 for none)
 * @param then length of the second phase, measured too
 */
record Schedule(long startNanos, double ratePerSecond, Duration warmup, Duration measured, double thenRate,
		Duration then) {

	Schedule {
		if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
			throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
		}
		if (warmup.isNegative() || measured.isNegative() || then.isNegative()) {
			throw new IllegalArgumentException("durations must not be negative");
		}
		if (thenRate < 0 || Double.isInfinite(thenRate) || (thenRate == 0) != then.isZero()) {
			throw new IllegalArgumentException("a second phase needs a positive rate and a duration");
		}
	}

	Schedule(long startNanos, double ratePerSecond, Duration warmup, Duration measured) {
		this(startNanos, ratePerSecond, warmup, measured, 0, Duration.ZERO);
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
		return firstPhaseEvents() + thenEvents();
	}

	private long firstPhaseEvents() {
		return Math.round(this.ratePerSecond * seconds(this.measured));
	}

	private long thenEvents() {
		return Math.round(this.thenRate * seconds(this.then));
	}

	/** When the second phase starts (the measured window's end if there is none). */
	long thenStartNanos() {
		return measureStartNanos() + (long) (firstPhaseEvents() * 1e9 / this.ratePerSecond);
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
		long measuredSeq = seq - warmupEvents;
		if (measuredSeq < firstPhaseEvents() || this.thenRate == 0) {
			return measureStartNanos() + (long) (measuredSeq * 1e9 / this.ratePerSecond);
		}
		return thenStartNanos() + (long) ((measuredSeq - firstPhaseEvents()) * 1e9 / this.thenRate);
	}

	boolean isMeasured(long seq) {
		return seq >= warmupEvents() && seq < totalEvents();
	}

	long measureStartNanos() {
		return this.startNanos + this.warmup.toNanos();
	}

	long measureEndNanos() {
		return thenStartNanos() + ((this.thenRate == 0) ? 0 : (long) (thenEvents() * 1e9 / this.thenRate));
	}

	/** The mean rate the measured window asks for. */
	double measuredRate() {
		double seconds = measuredSeconds();
		return (seconds > 0) ? measuredEvents() / seconds : this.ratePerSecond;
	}

	double measuredSeconds() {
		return (measureEndNanos() - measureStartNanos()) / 1e9;
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

}
