package th.or.depa.sca.loadtest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Client-side outcome of the webhook requests: what was sent, how the bot acknowledged
 * it, and how fast.
 */
final class AckStats {

	private final Schedule schedule;

	private final ConcurrentHistogram ackMicros = new ConcurrentHistogram(3);

	private final AtomicInteger inFlight = new AtomicInteger();

	// Worst ack since the last progress line, to see whether a tail is one stall or
	// spread
	// out.
	private final AtomicLong intervalMaxMicros = new AtomicLong();

	// seq -> intended send time, for measured requests without a response yet.
	private final Map<Long, Long> outstandingMeasured = new ConcurrentHashMap<>();

	private final LongAdder sentWarmup = new LongAdder();

	private final LongAdder sent = new LongAdder();

	private final LongAdder notSent = new LongAdder();

	private final LongAdder acked2xx = new LongAdder();

	private final LongAdder acks2xxInWindow = new LongAdder();

	private final LongAdder transportErrors = new LongAdder();

	private final Map<Integer, LongAdder> non2xxByStatus = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> errorsByType = new ConcurrentHashMap<>();

	private final LongAdder noAckByEnd = new LongAdder();

	AckStats(Schedule schedule) {
		this.schedule = schedule;
	}

	int inFlight() {
		return this.inFlight.get();
	}

	void notSent(long seq) {
		if (this.schedule.isMeasured(seq)) {
			this.notSent.increment();
		}
	}

	void sending(long seq) {
		this.inFlight.incrementAndGet();
		if (this.schedule.isMeasured(seq)) {
			this.sent.increment();
			this.outstandingMeasured.put(seq, this.schedule.dueNanos(seq));
		}
		else {
			this.sentWarmup.increment();
		}
	}

	/**
	 * Records a response ({@code status} >= 0) or a transport failure ({@code error} not
	 * null).
	 */
	void completed(long seq, long nowNanos, int status, Throwable error) {
		this.inFlight.decrementAndGet();
		boolean ok = error == null && status >= 200 && status < 300;
		if (ok && nowNanos >= this.schedule.measureStartNanos() && nowNanos < this.schedule.measureEndNanos()) {
			this.acks2xxInWindow.increment();
		}
		// Whoever removes the entry owns it, so a response racing closeOutstanding() is
		// counted only once.
		Long intended = this.schedule.isMeasured(seq) ? this.outstandingMeasured.remove(seq) : null;
		if (intended == null) {
			return;
		}
		if (error != null) {
			this.transportErrors.increment();
			this.errorsByType.computeIfAbsent(rootCause(error), (key) -> new LongAdder()).increment();
			// A webhook that timed out or failed waited at least this long for nothing:
			// its
			// latency counts too, or a bot that never answers would look fast.
			long micros = Math.max(0, nowNanos - intended) / 1000;
			this.ackMicros.recordValue(micros);
			this.intervalMaxMicros.accumulateAndGet(micros, Math::max);
		}
		else if (ok) {
			this.acked2xx.increment();
			// From the intended send time, not the actual one, so a stalled client cannot
			// hide a slow bot. Never negative: only a warmup that sends ahead of its
			// schedule answers early.
			long micros = Math.max(0, nowNanos - intended) / 1000;
			this.ackMicros.recordValue(micros);
			this.intervalMaxMicros.accumulateAndGet(micros, Math::max);
		}
		else {
			this.non2xxByStatus.computeIfAbsent(status, (key) -> new LongAdder()).increment();
			// A quick refusal (503 under overload) is an answer too: its latency counts.
			long micros = Math.max(0, nowNanos - intended) / 1000;
			this.ackMicros.recordValue(micros);
			this.intervalMaxMicros.accumulateAndGet(micros, Math::max);
		}
	}

	/**
	 * Counts measured requests still unanswered at report time and records their latency
	 * so far, so that the worst requests are not simply left out of the percentiles.
	 */
	void closeOutstanding(long nowNanos) {
		for (Long seq : this.outstandingMeasured.keySet()) {
			Long intended = this.outstandingMeasured.remove(seq);
			if (intended != null) {
				this.noAckByEnd.increment();
				this.ackMicros.recordValue(Math.max(0, nowNanos - intended) / 1000);
			}
		}
	}

	private static String rootCause(Throwable error) {
		Throwable cause = error;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName();
	}

	/** The worst measured ack since the previous call, in microseconds. */
	long takeIntervalMaxMicros() {
		return this.intervalMaxMicros.getAndSet(0);
	}

	long sentWarmup() {
		return this.sentWarmup.sum();
	}

	long sent() {
		return this.sent.sum();
	}

	long notSent() {
		return this.notSent.sum();
	}

	long acked2xx() {
		return this.acked2xx.sum();
	}

	long acks2xxInWindow() {
		return this.acks2xxInWindow.sum();
	}

	long transportErrors() {
		return this.transportErrors.sum();
	}

	long noAckByEnd() {
		return this.noAckByEnd.sum();
	}

	Map<Integer, Long> non2xxByStatus() {
		Map<Integer, Long> copy = new TreeMap<>();
		this.non2xxByStatus.forEach((status, count) -> copy.put(status, count.sum()));
		return copy;
	}

	Map<String, Long> errorsByType() {
		Map<String, Long> copy = new TreeMap<>();
		this.errorsByType.forEach((type, count) -> copy.put(type, count.sum()));
		return copy;
	}

	/**
	 * A copy, because late responses may still be recording while the report reads it.
	 */
	Histogram ackMicros() {
		return this.ackMicros.copy();
	}

}
