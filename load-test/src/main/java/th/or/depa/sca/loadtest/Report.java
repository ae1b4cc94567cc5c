package th.or.depa.sca.loadtest;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

import th.or.depa.sca.loadtest.LineApiStub.StubCounts;

/**
 * Result of one run, with the pass/fail verdict, as text for people and JSON for tools.
 *
 * @param targetRate target events per second
 * @param warmupSeconds warmup length
 * @param measuredSeconds measured window length
 * @param scheduled events scheduled in the measured window
 * @param achievedAcksPerSecond 2xx acks received during the measured window per second of
 * it
 * @param sent measured events sent
 * @param notSent measured events dropped because the in-flight cap was reached
 * @param acked2xx measured events acknowledged with 2xx
 * @param non2xxByStatus measured events acknowledged with another status
 * @param transportErrors measured events whose request failed
 * @param errorsByType transport errors by root cause
 * @param noAckByEnd measured events still without a response when the report was made
 * @param ack ack latency from intended send time to response
 * @param endToEnd latency from intended send time to the bot's answer reaching the LINE
 * API
 * @param answered measured events answered at least once
 * @param duplicateAnswers extra answers to measured events
 * @param warmupDuplicateAnswers extra answers to warmup events (not part of the verdict)
 * @param unknownMarkers markers that matched no event of this run
 * @param stub requests the LINE API stub received
 * @param machine where the generator ran
 * @param targetAckP99Millis threshold for the ack p99
 */
record Report(double targetRate, double warmupSeconds, double measuredSeconds, long scheduled,
		double achievedAcksPerSecond, long sent, long notSent, long acked2xx, Map<Integer, Long> non2xxByStatus,
		long transportErrors, Map<String, Long> errorsByType, long noAckByEnd, Latency ack, Latency endToEnd,
		long answered, long duplicateAnswers, long warmupDuplicateAnswers, long unknownMarkers, StubCounts stub,
		Machine machine, double targetAckP99Millis) {

	/**
	 * Share of the target rate that must be acknowledged; a little slack for timer jitter
	 * at the window edges.
	 */
	static final double RATE_TOLERANCE = 0.98;

	static Report of(Schedule schedule, AckStats acks, AnswerLedger answers, StubCounts stub,
			double targetAckP99Millis) {
		double measuredSeconds = schedule.measuredSeconds();
		return new Report(schedule.ratePerSecond(), schedule.warmup().toNanos() / 1e9, measuredSeconds,
				schedule.measuredEvents(), acks.acks2xxInWindow() / measuredSeconds, acks.sent(), acks.notSent(),
				acks.acked2xx(), acks.non2xxByStatus(), acks.transportErrors(), acks.errorsByType(), acks.noAckByEnd(),
				Latency.of(acks.ackMicros()), Latency.of(answers.endToEndMicros()), answers.answeredMeasured(),
				answers.duplicateMeasured(), answers.duplicateWarmup(), answers.unknownMarkers(), stub,
				Machine.current(), targetAckP99Millis);
	}

	long unanswered() {
		return this.scheduled - this.answered;
	}

	double answeredPercent() {
		return (this.scheduled == 0) ? 0 : 100.0 * this.answered / this.scheduled;
	}

	boolean ratePassed() {
		return this.achievedAcksPerSecond >= RATE_TOLERANCE * this.targetRate;
	}

	boolean ackLatencyPassed() {
		return this.ack.count() > 0 && this.ack.p99Millis() < this.targetAckP99Millis;
	}

	boolean answersPassed() {
		return unanswered() == 0 && this.duplicateAnswers == 0;
	}

	boolean passed() {
		return ratePassed() && ackLatencyPassed() && answersPassed();
	}

	String toText() {
		String nl = System.lineSeparator();
		return "LINE bot load test: " + verdict(passed()) + nl
				+ line("machine", "%d CPUs, %s, Java %s", this.machine.cpus(), this.machine.os(), this.machine.java())
				+ line("target rate", "%.1f events/s after a %.1f s ramp-up, measured %.1f s (%d events)",
						this.targetRate, this.warmupSeconds, this.measuredSeconds, this.scheduled)
				+ line("achieved", "%.1f acks/s (2xx acks received in the measured window)  [%s: >= %.1f]",
						this.achievedAcksPerSecond, verdict(ratePassed()), RATE_TOLERANCE * this.targetRate)
				+ line("sent", "%d, not sent (client saturated) %d", this.sent, this.notSent)
				+ line("acks", "2xx %d, non-2xx %s, transport errors %d %s, no ack by end %d", this.acked2xx,
						this.non2xxByStatus, this.transportErrors, this.errorsByType, this.noAckByEnd)
				+ line("ack latency", "%s  [%s: p99 < %s ms]", this.ack.toText(true), verdict(ackLatencyPassed()),
						number(this.targetAckP99Millis))
				+ line("reply latency", "%s", this.endToEnd.toText(false))
				+ line("answered", "%d (%.2f %%), duplicates %d, unanswered %d  [%s: all once]", this.answered,
						answeredPercent(), this.duplicateAnswers, unanswered(), verdict(answersPassed()))
				+ line("stub requests", "reply %d, push %d, loading %d, other %d; warmup duplicates %d, unknown %d",
						this.stub.replies(), this.stub.pushes(), this.stub.loadingStarts(), this.stub.others(),
						this.warmupDuplicateAnswers, this.unknownMarkers);
	}

	private static String line(String label, String format, Object... args) {
		return String.format(Locale.ROOT, "  %-15s " + format + "%n", prepend(label, args));
	}

	private static Object[] prepend(String label, Object[] args) {
		Object[] all = new Object[args.length + 1];
		all[0] = label;
		System.arraycopy(args, 0, all, 1, args.length);
		return all;
	}

	private static String verdict(boolean passed) {
		return passed ? "PASS" : "FAIL";
	}

	String toJson() {
		return "{\n" + field("result", quote(verdict(passed()))) + field("targetRate", number(this.targetRate))
				+ field("warmupSeconds", number(this.warmupSeconds))
				+ field("measuredSeconds", number(this.measuredSeconds)) + field("scheduled", this.scheduled)
				+ field("achievedAcksPerSecond", number(this.achievedAcksPerSecond)) + field("sent", this.sent)
				+ field("notSentClientSaturated", this.notSent) + field("acked2xx", this.acked2xx)
				+ field("non2xxByStatus", map(this.non2xxByStatus)) + field("transportErrors", this.transportErrors)
				+ field("transportErrorsByType", map(this.errorsByType)) + field("noAckByEnd", this.noAckByEnd)
				+ field("ackLatencyMs", this.ack.toJson(true))
				+ field("endToEndReplyLatencyMs", this.endToEnd.toJson(false)) + field("answered", this.answered)
				+ field("answeredPercent", number(answeredPercent())) + field("duplicateAnswers", this.duplicateAnswers)
				+ field("unanswered", unanswered()) + field("warmupDuplicateAnswers", this.warmupDuplicateAnswers)
				+ field("unknownMarkers", this.unknownMarkers)
				+ field("stubRequests",
						"{\"reply\": " + this.stub.replies() + ", \"push\": " + this.stub.pushes()
								+ ", \"loadingStart\": " + this.stub.loadingStarts() + ", \"other\": "
								+ this.stub.others() + "}")
				+ field("machine",
						"{\"availableProcessors\": " + this.machine.cpus() + ", \"osName\": " + quote(this.machine.os())
								+ ", \"javaVersion\": " + quote(this.machine.java()) + "}")
				+ field("targets",
						"{\"minAcksPerSecond\": " + number(RATE_TOLERANCE * this.targetRate) + ", \"ackP99MsBelow\": "
								+ number(this.targetAckP99Millis) + ", \"unanswered\": 0, \"duplicateAnswers\": 0}")
				+ "  \"checks\": {\"rate\": " + ratePassed() + ", \"ackP99\": " + ackLatencyPassed()
				+ ", \"answeredExactlyOnce\": " + answersPassed() + "}\n}\n";
	}

	private static String field(String name, Object value) {
		return "  " + quote(name) + ": " + value + ",\n";
	}

	private static String map(Map<?, Long> counts) {
		return counts.entrySet()
			.stream()
			.map((entry) -> quote(String.valueOf(entry.getKey())) + ": " + entry.getValue())
			.collect(Collectors.joining(", ", "{", "}"));
	}

	/** JSON has no NaN, so an empty histogram becomes null. */
	static String number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "null";
		}
		String text = String.format(Locale.ROOT, "%.3f", value);
		// Three decimals keep microsecond resolution; trailing zeros would only be noise.
		return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
	}

	static String quote(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	/**
	 * Latency percentiles in milliseconds; NaN when nothing was recorded.
	 *
	 * @param count number of samples
	 * @param p50Millis median
	 * @param p90Millis 90th percentile
	 * @param p99Millis 99th percentile
	 * @param p999Millis 99.9th percentile
	 * @param maxMillis maximum
	 */
	record Latency(long count, double p50Millis, double p90Millis, double p99Millis, double p999Millis,
			double maxMillis) {

		static Latency of(Histogram micros) {
			if (micros.getTotalCount() == 0) {
				return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
			}
			return new Latency(micros.getTotalCount(), millis(micros, 50), millis(micros, 90), millis(micros, 99),
					millis(micros, 99.9), micros.getMaxValue() / 1000.0);
		}

		private static double millis(Histogram micros, double percentile) {
			return micros.getValueAtPercentile(percentile) / 1000.0;
		}

		String toText(boolean withP999) {
			if (this.count == 0) {
				return "n/a (no samples)";
			}
			return "p50 " + number(this.p50Millis) + "  p90 " + number(this.p90Millis) + "  p99 "
					+ number(this.p99Millis) + (withP999 ? "  p99.9 " + number(this.p999Millis) : "") + "  max "
					+ number(this.maxMillis) + " ms (" + this.count + " samples)";
		}

		String toJson(boolean withP999) {
			return "{\"count\": " + this.count + ", \"p50\": " + number(this.p50Millis) + ", \"p90\": "
					+ number(this.p90Millis) + ", \"p99\": " + number(this.p99Millis)
					+ (withP999 ? ", \"p99_9\": " + number(this.p999Millis) : "") + ", \"max\": "
					+ number(this.maxMillis) + "}";
		}

	}

	/**
	 * The machine the generator (and by default the bot) ran on, since results only
	 * compare on like hardware.
	 *
	 * @param cpus available processors
	 * @param os operating system name
	 * @param java Java version
	 */
	record Machine(int cpus, String os, String java) {

		static Machine current() {
			return new Machine(Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
					System.getProperty("java.version"));
		}

	}

}
