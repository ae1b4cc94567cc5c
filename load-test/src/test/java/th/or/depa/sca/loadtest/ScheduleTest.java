package th.or.depa.sca.loadtest;

import java.time.Duration;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTest {

	private final Schedule schedule = new Schedule(1_000, 2000, Duration.ofSeconds(10), Duration.ofSeconds(30));

	@Test
	void measuredEventsAreDueAtEvenIntervalsAtTheTargetRate() {
		long first = this.schedule.warmupEvents();

		assertThat(this.schedule.measuredEvents()).isEqualTo(60_000);
		assertThat(this.schedule.dueNanos(first)).isEqualTo(1_000 + 10_000_000_000L);
		assertThat(this.schedule.dueNanos(first + 3) - this.schedule.dueNanos(first)).isEqualTo(1_500_000);
		assertThat(this.schedule.measureEndNanos()).isEqualTo(1_000 + 40_000_000_000L);
		assertThat(this.schedule.measuredSeconds()).isEqualTo(30.0);
	}

	@Test
	void aSecondPhaseFollowsTheFirstAtItsOwnRateAndIsMeasuredToo() {
		// Twice the capacity for 30 s, then half of it for 20 s.
		Schedule overload = new Schedule(1_000, 4000, Duration.ZERO, Duration.ofSeconds(30), 1000,
				Duration.ofSeconds(20));

		assertThat(overload.measuredEvents()).isEqualTo(120_000 + 20_000);
		assertThat(overload.thenStartNanos()).isEqualTo(1_000 + 30_000_000_000L);
		assertThat(overload.dueNanos(120_000)).isEqualTo(1_000 + 30_000_000_000L);
		assertThat(overload.dueNanos(120_001) - overload.dueNanos(120_000)).isEqualTo(1_000_000);
		assertThat(overload.dueNanos(119_999) - overload.dueNanos(119_998)).isEqualTo(250_000);
		assertThat(overload.measureEndNanos()).isEqualTo(1_000 + 50_000_000_000L);
		assertThat(overload.isMeasured(139_999)).isTrue();
		assertThat(overload.isMeasured(140_000)).isFalse();
		assertThat(overload.measuredRate()).isEqualTo(2800.0);
	}

	@Test
	void warmupRampsLinearlyUpToTheTargetRate() {
		// Half the events of a full-rate warmup, and the gaps shrink towards 1 / rate.
		assertThat(this.schedule.warmupEvents()).isEqualTo(10_000);
		assertThat(this.schedule.dueNanos(0)).isEqualTo(1_000);
		// Half way through the events is 1 / sqrt(2) of the way through the time.
		assertThat(this.schedule.dueNanos(5_000) - 1_000).isCloseTo(7_071_067_811L, Offset.offset(1_000L));
		long lastGap = this.schedule.dueNanos(9_999) - this.schedule.dueNanos(9_998);
		assertThat(lastGap).isBetween(500_000L, 510_000L);
		for (long seq = 1; seq <= this.schedule.warmupEvents(); seq++) {
			assertThat(this.schedule.dueNanos(seq)).isGreaterThanOrEqualTo(this.schedule.dueNanos(seq - 1));
		}
	}

	@Test
	void onlyEventsAfterTheWarmupAreMeasured() {
		assertThat(this.schedule.isMeasured(9_999)).isFalse();
		assertThat(this.schedule.isMeasured(10_000)).isTrue();
		assertThat(this.schedule.isMeasured(69_999)).isTrue();
		assertThat(this.schedule.isMeasured(70_000)).isFalse();
	}

	@Test
	void noWarmupMeansEveryEventIsMeasured() {
		Schedule noWarmup = new Schedule(0, 100, Duration.ZERO, Duration.ofSeconds(1));

		assertThat(noWarmup.warmupEvents()).isZero();
		assertThat(noWarmup.isMeasured(0)).isTrue();
		assertThat(noWarmup.dueNanos(1)).isEqualTo(10_000_000);
	}

}
