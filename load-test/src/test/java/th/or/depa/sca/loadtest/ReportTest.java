package th.or.depa.sca.loadtest;

import java.util.Map;

import org.junit.jupiter.api.Test;

import th.or.depa.sca.loadtest.LineApiStub.StubCounts;
import th.or.depa.sca.loadtest.Report.Latency;
import th.or.depa.sca.loadtest.Report.Machine;

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
		return new Report(2000, 0.5, 0.5, 1000, achieved, 1000, 0, 1000, Map.of(), 0, Map.of(), 0, ack, FAST, answered,
				duplicates, 0, 0, new StubCounts(1000, 0, 0, 0), new Machine(2, "Linux", "21"), 50);
	}

}
