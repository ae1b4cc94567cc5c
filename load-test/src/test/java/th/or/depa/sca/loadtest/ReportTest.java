package th.or.depa.sca.loadtest;

import java.util.Map;

import org.junit.jupiter.api.Test;

import th.or.depa.sca.loadtest.LineApiStub.StubCounts;
import th.or.depa.sca.loadtest.Report.Answers;
import th.or.depa.sca.loadtest.Report.Latency;
import th.or.depa.sca.loadtest.Report.Machine;
import th.or.depa.sca.loadtest.Report.Traffic;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

	private static final Latency FAST = new Latency(100, 1, 2, 3, 4, 5);

	@Test
	void passesWhenRateLatencyAndAnswersAllMeetTheirTargets() {
		Report report = report(1990, FAST, 1000, 0);

		assertThat(report.passed()).isTrue();
		assertThat(report.toText()).startsWith("LINE bot load test: PASS");
		assertThat(report.toJson()).contains("\"result\": \"PASS\"", "\"unanswered\": 0", "\"p99\": 3,");
	}

	@Test
	void failsOnLowRateSlowAcksMissingOrDuplicateAnswers() {
		assertThat(report(1900, FAST, 1000, 0).ratePassed()).isFalse();
		assertThat(report(2000, new Latency(100, 1, 2, 50, 60, 70), 1000, 0).ackLatencyPassed()).isFalse();
		assertThat(report(2000, FAST, 999, 0).answersPassed()).isFalse();
		assertThat(report(2000, FAST, 1000, 1).answersPassed()).isFalse();
		assertThat(report(2000, FAST, 999, 0).toText()).startsWith("LINE bot load test: FAIL");
	}

	@Test
	void failsWhenAnswersReachLineTooLateEvenIfAcksAreFast() {
		Traffic traffic = new Traffic("questions=1", 10, 1000, 900, 0, 0);
		Report late = report(2000, FAST, new Latency(100, 28, 327, 482, 600, 672), 1000, 0, traffic);

		assertThat(late.ackLatencyPassed()).isTrue();
		assertThat(late.replyLatencyPassed()).isFalse();
		assertThat(late.passed()).isFalse();
		assertThat(late.toText()).contains("[FAIL: p99 < 200 ms]");
		assertThat(late.toJson()).contains("\"replyP99\": false", "\"replyP99MsBelow\": 200");
	}

	@Test
	void repetitiveTextsFailTheRunAndTheGeneratorCostIsReported() {
		Report repetitive = report(2000, FAST, 1000, 0, new Traffic("questions=1", 10, 1000, 400, 0, 0));
		Report varied = report(2000, FAST, 1000, 0);

		assertThat(repetitive.textsPassed()).isFalse();
		assertThat(repetitive.passed()).isFalse();
		assertThat(varied.toText()).contains("texts 1000, unique 900 (90.0 %)", "0.05 ms per event",
				"within the 0.2 ms budget");
		assertThat(varied.toJson()).contains("\"uniqueFraction\": 0.9", "\"msPerEvent\": 0.05",
				"\"withinBudget\": true", "\"expiredTokenPushes\": 2", "\"rateLimited429\": 3");
	}

	@Test
	void emptyLatenciesFailAndBecomeJsonNull() {
		Latency none = new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
		Report report = report(2000, none, 1000, 0);

		assertThat(report.ackLatencyPassed()).isFalse();
		assertThat(report.toJson()).contains("\"p99\": null");
	}

	@Test
	void jsonStringsAreEscaped() {
		assertThat(Report.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\u000a\"");
		assertThat(Report.number(2000.0)).isEqualTo("2000");
		assertThat(Report.number(1.25)).isEqualTo("1.25");
	}

	private static Report report(double achieved, Latency ack, long answered, long duplicates) {
		return report(achieved, ack, answered, duplicates, new Traffic("questions=1", 10, 1000, 900, 0, 0));
	}

	private static Report report(double achieved, Latency ack, long answered, long duplicates, Traffic traffic) {
		return report(achieved, ack, FAST, answered, duplicates, traffic);
	}

	private static Report report(double achieved, Latency ack, Latency reply, long answered, long duplicates,
			Traffic traffic) {
		Answers answers = new Answers(answered, answered - Math.min(answered, duplicates), duplicates, duplicates, 0, 5,
				2, 0, 0, 0);
		return new Report(2000, 0.5, 0.5, 1000, achieved, 1000, 0, 1000, Map.of(), 0, Map.of(), 0, ack, reply, answers,
				new StubCounts(1000, 5, 0, 0, 3, 0, 0, 2, 0, 40), traffic,
				new ProcessCpu.Usage(50_000_000, 1_000_000_000, 1000, 10_000_000), new Machine(2, "Linux", "21"), 50,
				200);
	}

}
