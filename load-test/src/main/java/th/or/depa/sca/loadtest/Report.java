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
 * @param answers how the bot's deliveries matched the events
 * @param stub requests the LINE API stub received and how it answered
 * @param traffic what was sent
 * @param generatorCpu CPU the generator and the stub used in the measured window
 * @param machine where the generator ran
 * @param targetAckP99Millis threshold for the ack p99
 * @param targetReplyP99Millis threshold for the reply p99
 */
record Report(double targetRate, double warmupSeconds, double measuredSeconds, long scheduled,
		double achievedAcksPerSecond, long sent, long notSent, long acked2xx, Map<Integer, Long> non2xxByStatus,
		long transportErrors, Map<String, Long> errorsByType, long noAckByEnd, Latency ack, Latency endToEnd,
		Answers answers, StubCounts stub, Traffic traffic, ProcessCpu.Usage generatorCpu, Machine machine,
		double targetAckP99Millis, double targetReplyP99Millis) {

	/**
	 * Share of the target rate that must be acknowledged; a little slack for timer jitter
	 * at the window edges.
	 */
	static final double RATE_TOLERANCE = 0.98;

	/** Share of the texts of a run that must be distinct for its input to be valid. */
	static final double MIN_UNIQUE_TEXTS = 0.5;

	/**
	 * CPU per event the generator (with its stub) may cost; beyond it the generator may
	 * be what limits the run.
	 */
	static final double GENERATOR_CPU_BUDGET_MILLIS = 0.2;

	static Report of(Schedule schedule, AckStats acks, AnswerLedger ledger, StubCounts stub, Traffic traffic,
			ProcessCpu.Usage generatorCpu, double targetAckP99Millis, double targetReplyP99Millis) {
		double measuredSeconds = schedule.measuredSeconds();
		return new Report(schedule.measuredRate(), schedule.warmup().toNanos() / 1e9, measuredSeconds,
				schedule.measuredEvents(), acks.acks2xxInWindow() / measuredSeconds, acks.sent(), acks.notSent(),
				acks.acked2xx(), acks.non2xxByStatus(), acks.transportErrors(), acks.errorsByType(), acks.noAckByEnd(),
				Latency.of(acks.ackMicros()), Latency.of(ledger.endToEndMicros()), Answers.of(ledger), stub, traffic,
				generatorCpu, Machine.current(), targetAckP99Millis, targetReplyP99Millis);
	}

	/** Measured events answered at least once. */
	long answered() {
		return this.answers.answered();
	}

	long unanswered() {
		return this.scheduled - this.answers.answered();
	}

	double answeredPercent() {
		return (this.scheduled == 0) ? 0 : 100.0 * this.answers.answered() / this.scheduled;
	}

	boolean ratePassed() {
		return this.achievedAcksPerSecond >= RATE_TOLERANCE * this.targetRate;
	}

	boolean ackLatencyPassed() {
		return this.ack.count() > 0 && this.ack.p99Millis() < this.targetAckP99Millis;
	}

	boolean replyLatencyPassed() {
		return this.endToEnd.count() > 0 && this.endToEnd.p99Millis() < this.targetReplyP99Millis;
	}

	boolean answersPassed() {
		return unanswered() == 0 && this.answers.duplicates() == 0;
	}

	/** A run of mostly the same few texts says little about real traffic. */
	boolean textsPassed() {
		return this.traffic.texts() == 0 || this.traffic.uniqueFraction() >= MIN_UNIQUE_TEXTS;
	}

	boolean generatorWithinBudget() {
		return !(this.generatorCpu.millisPerEvent() > GENERATOR_CPU_BUDGET_MILLIS);
	}

	boolean passed() {
		return ratePassed() && ackLatencyPassed() && replyLatencyPassed() && answersPassed() && textsPassed();
	}

	String toText() {
		String nl = System.lineSeparator();
		Answers a = this.answers;
		return "LINE bot load test: " + verdict(passed()) + nl
				+ line("machine", "%d CPUs, %s, Java %s", this.machine.cpus(), this.machine.os(), this.machine.java())
				+ line("target rate", "%.1f events/s after a %.1f s ramp-up, measured %.1f s (%d events)",
						this.targetRate, this.warmupSeconds, this.measuredSeconds, this.scheduled)
				+ line("traffic",
						"%s from %d users; texts %d, unique %d (%.1f %%)  [%s: >= %.0f %% unique]; registration"
								+ " steps %d, submit taps %d",
						this.traffic.mix(), this.traffic.users(), this.traffic.texts(), this.traffic.uniqueTexts(),
						100 * this.traffic.uniqueFraction(), verdict(textsPassed()), 100 * MIN_UNIQUE_TEXTS,
						this.traffic.formSteps(), this.traffic.submits())
				+ line("achieved", "%.1f acks/s (2xx acks received in the measured window)  [%s: >= %.1f]",
						this.achievedAcksPerSecond, verdict(ratePassed()), RATE_TOLERANCE * this.targetRate)
				+ line("sent", "%d, not sent (client saturated) %d", this.sent, this.notSent)
				+ line("acks", "2xx %d, non-2xx %s, transport errors %d %s, no ack by end %d", this.acked2xx,
						this.non2xxByStatus, this.transportErrors, this.errorsByType, this.noAckByEnd)
				+ line("ack latency", "%s  [%s: p99 < %s ms]", this.ack.toText(true), verdict(ackLatencyPassed()),
						number(this.targetAckP99Millis))
				+ line("reply latency", "%s  [%s: p99 < %s ms]", this.endToEnd.toText(false),
						verdict(replyLatencyPassed()), number(this.targetReplyP99Millis))
				+ line("answered", "%d (%.2f %%): once %d, duplicated %d (%d extra), unanswered %d  [%s: all once]",
						a.answered(), answeredPercent(), a.answeredOnce(), a.duplicatedEvents(), a.duplicates(),
						unanswered(), verdict(answersPassed()))
				+ line("deliveries",
						"pushes %d (expired-token %d), pushes retried under an accepted key %d, "
								+ "refused replies %d, unknown %d, warmup duplicates %d",
						a.pushes(), a.expiredTokenPushes(), a.retriedPushes(), a.refusedReplies(),
						a.unknownRecipients(), a.warmupDuplicates())
				+ line("stub requests",
						"reply %d, push %d, loading %d, other %d; sent 429 %d, 5xx %d, timeouts %d, "
								+ "invalid reply token %d, retry-key 409 %d; connections %d",
						this.stub.replies(), this.stub.pushes(), this.stub.loadingStarts(), this.stub.others(),
						this.stub.rateLimited(), this.stub.serverErrors(), this.stub.timeouts(),
						this.stub.invalidReplyTokens(), this.stub.retryKeyConflicts(), this.stub.connections())
				+ line("generator CPU",
						"%s ms per event, %s %% of one core (generator and stub, measured window; JIT %s ms of it)  [%s]",
						number(this.generatorCpu.millisPerEvent()), number(this.generatorCpu.percentOfOneCore()),
						number(this.generatorCpu.compileMillisPerEvent()),
						generatorWithinBudget() ? "within the " + number(GENERATOR_CPU_BUDGET_MILLIS) + " ms budget"
								: "OVER the " + number(GENERATOR_CPU_BUDGET_MILLIS) + " ms budget");
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
		Answers a = this.answers;
		return "{\n" + field("result", quote(verdict(passed()))) + field("targetRate", number(this.targetRate))
				+ field("warmupSeconds", number(this.warmupSeconds))
				+ field("measuredSeconds", number(this.measuredSeconds)) + field("scheduled", this.scheduled)
				+ field("achievedAcksPerSecond", number(this.achievedAcksPerSecond)) + field("sent", this.sent)
				+ field("notSentClientSaturated", this.notSent) + field("acked2xx", this.acked2xx)
				+ field("non2xxByStatus", map(this.non2xxByStatus)) + field("transportErrors", this.transportErrors)
				+ field("transportErrorsByType", map(this.errorsByType)) + field("noAckByEnd", this.noAckByEnd)
				+ field("ackLatencyMs", this.ack.toJson(true))
				+ field("endToEndReplyLatencyMs", this.endToEnd.toJson(false)) + field("answered", a.answered())
				+ field("answeredPercent", number(answeredPercent())) + field("answeredOnce", a.answeredOnce())
				+ field("duplicatedEvents", a.duplicatedEvents()) + field("duplicateAnswers", a.duplicates())
				+ field("unanswered", unanswered()) + field("warmupDuplicateAnswers", a.warmupDuplicates())
				+ field("pushes", a.pushes()) + field("expiredTokenPushes", a.expiredTokenPushes())
				+ field("retriedPushes", a.retriedPushes()) + field("refusedReplies", a.refusedReplies())
				+ field("unknownRecipients", a.unknownRecipients())
				+ field("stubRequests",
						"{\"reply\": " + this.stub.replies() + ", \"push\": " + this.stub.pushes()
								+ ", \"loadingStart\": " + this.stub.loadingStarts() + ", \"other\": "
								+ this.stub.others() + ", \"connections\": " + this.stub.connections() + "}")
				+ field("stubSent",
						"{\"rateLimited429\": " + this.stub.rateLimited() + ", \"serverErrors5xx\": "
								+ this.stub.serverErrors() + ", \"timeouts\": " + this.stub.timeouts()
								+ ", \"invalidReplyToken400\": " + this.stub.invalidReplyTokens()
								+ ", \"retryKeyConflict409\": " + this.stub.retryKeyConflicts() + "}")
				+ field("traffic", "{\"mix\": " + quote(this.traffic.mix()) + ", \"users\": " + this.traffic.users()
						+ ", \"texts\": " + this.traffic.texts() + ", \"uniqueTexts\": " + this.traffic.uniqueTexts()
						+ ", \"uniqueFraction\": " + number(this.traffic.uniqueFraction()) + ", \"registrationSteps\": "
						+ this.traffic.formSteps() + ", \"submitTaps\": " + this.traffic.submits() + "}")
				+ field("generatorCpu", "{\"msPerEvent\": " + number(this.generatorCpu.millisPerEvent())
						+ ", \"percentOfOneCore\": " + number(this.generatorCpu.percentOfOneCore())
						+ ", \"jitCompileMsPerEvent\": " + number(this.generatorCpu.compileMillisPerEvent())
						+ ", \"events\": " + this.generatorCpu.events() + ", \"budgetMsPerEvent\": "
						+ number(GENERATOR_CPU_BUDGET_MILLIS) + ", \"withinBudget\": " + generatorWithinBudget() + "}")
				+ field("machine",
						"{\"availableProcessors\": " + this.machine.cpus() + ", \"osName\": " + quote(this.machine.os())
								+ ", \"javaVersion\": " + quote(this.machine.java()) + "}")
				+ field("targets",
						"{\"minAcksPerSecond\": " + number(RATE_TOLERANCE * this.targetRate) + ", \"ackP99MsBelow\": "
								+ number(this.targetAckP99Millis) + ", \"replyP99MsBelow\": "
								+ number(this.targetReplyP99Millis)
								+ ", \"unanswered\": 0, \"duplicateAnswers\": 0, \"minUniqueTextFraction\": "
								+ number(MIN_UNIQUE_TEXTS) + "}")
				+ "  \"checks\": {\"rate\": " + ratePassed() + ", \"ackP99\": " + ackLatencyPassed()
				+ ", \"replyP99\": " + replyLatencyPassed() + ", \"answeredExactlyOnce\": " + answersPassed()
				+ ", \"textsVaried\": " + textsPassed() + "}\n}\n";
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
	 * How the bot's deliveries matched the events.
	 *
	 * @param answered measured events answered at least once
	 * @param answeredOnce measured events answered exactly once
	 * @param duplicatedEvents measured events answered more than once
	 * @param duplicates extra deliveries to measured events
	 * @param warmupDuplicates extra deliveries to warmup events (not part of the verdict)
	 * @param pushes pushes delivered
	 * @param expiredTokenPushes pushes that answered an event whose reply token had
	 * expired or been used
	 * @param retriedPushes pushes under a retry key already accepted (delivered nothing)
	 * @param refusedReplies replies refused for a used or expired token
	 * @param unknownRecipients replies and pushes that matched no event of this run
	 */
	record Answers(long answered, long answeredOnce, long duplicatedEvents, long duplicates, long warmupDuplicates,
			long pushes, long expiredTokenPushes, long retriedPushes, long refusedReplies, long unknownRecipients) {

		static Answers of(AnswerLedger ledger) {
			long answered = ledger.answeredMeasured();
			long duplicated = ledger.duplicatedMeasuredEvents();
			return new Answers(answered, answered - duplicated, duplicated, ledger.duplicateMeasured(),
					ledger.duplicateWarmup(), ledger.pushes(), ledger.expiredTokenPushes(), ledger.retriedPushes(),
					ledger.refusedReplies(), ledger.unknownRecipients());
		}

	}

	/**
	 * What the run sent.
	 *
	 * @param mix the mix of event kinds
	 * @param users distinct users
	 * @param texts text messages sent (warmup included)
	 * @param uniqueTexts distinct texts among them
	 */
	record Traffic(String mix, int users, long texts, long uniqueTexts, long formSteps, long submits) {

		double uniqueFraction() {
			return (this.texts == 0) ? Double.NaN : (double) this.uniqueTexts / this.texts;
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
