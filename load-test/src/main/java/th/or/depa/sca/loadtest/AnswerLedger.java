package th.or.depa.sca.loadtest;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Records which events the bot answered through the LINE API, once each, and how long
 * after their intended send.
 */
final class AnswerLedger {

	private final ConcurrentHistogram endToEndMicros = new ConcurrentHistogram(3);

	private final LongAdder answeredMeasured = new LongAdder();

	private final LongAdder duplicateMeasured = new LongAdder();

	private final LongAdder duplicateWarmup = new LongAdder();

	private final LongAdder unknownMarkers = new LongAdder();

	// Both are published together by begin(); answers that arrive before it cannot belong
	// to this run.
	private volatile Schedule schedule;

	private volatile AtomicLongArray answeredBits;

	void begin(Schedule schedule) {
		long words = (schedule.totalEvents() + 63) / 64;
		if (words > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("too many events: " + schedule.totalEvents());
		}
		this.answeredBits = new AtomicLongArray((int) words);
		this.schedule = schedule;
	}

	/**
	 * Records that the LINE API received an answer to event {@code seq} at
	 * {@code arrivalNanos}.
	 * @return whether this was the first answer to that event
	 */
	boolean record(long seq, long arrivalNanos) {
		Schedule current = this.schedule;
		if (current == null || seq < 0 || seq >= current.totalEvents()) {
			this.unknownMarkers.increment();
			return false;
		}
		boolean first = markAnswered(seq);
		if (current.isMeasured(seq)) {
			if (first) {
				this.answeredMeasured.increment();
				// The pacer never sends early, so a negative value could only come from
				// clock quirks.
				this.endToEndMicros.recordValue(Math.max(0, arrivalNanos - current.dueNanos(seq)) / 1000);
			}
			else {
				this.duplicateMeasured.increment();
			}
		}
		else if (!first) {
			this.duplicateWarmup.increment();
		}
		return first;
	}

	private boolean markAnswered(long seq) {
		AtomicLongArray bits = this.answeredBits;
		int word = (int) (seq >>> 6);
		long mask = 1L << (seq & 63);
		long old;
		do {
			old = bits.get(word);
			if ((old & mask) != 0) {
				return false;
			}
		}
		while (!bits.compareAndSet(word, old, old | mask));
		return true;
	}

	long answeredMeasured() {
		return this.answeredMeasured.sum();
	}

	long duplicateMeasured() {
		return this.duplicateMeasured.sum();
	}

	long duplicateWarmup() {
		return this.duplicateWarmup.sum();
	}

	long unknownMarkers() {
		return this.unknownMarkers.sum();
	}

	/** A copy, because a late answer may still be recording while the report reads it. */
	Histogram endToEndMicros() {
		return this.endToEndMicros.copy();
	}

}
