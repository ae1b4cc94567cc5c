package th.or.depa.sca.domain.round;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoundCalendarTests {

	private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

	private static final Round ROUND_2 = new Round("round-2", 2, Instant.parse("2022-07-03T17:00:00Z"),
			Instant.parse("2022-07-21T17:00:00Z"), Map.of(ApplicantType.YOUTH, 150, ApplicantType.CITY, 150), false);

	private final RoundCalendar calendar = new RoundCalendar(List.of(ROUND_2), BANGKOK);

	@Test
	void shouldAcceptUntilTheLastSecondOfTheClosingDayInBangkok() {
		assertThat(ROUND_2.accepts(Instant.parse("2022-07-21T16:59:59Z"))).isTrue();
		assertThat(ROUND_2.accepts(Instant.parse("2022-07-21T17:00:00Z"))).isFalse();
		assertThat(ROUND_2.lastDay(BANGKOK)).isEqualTo(LocalDate.of(2022, 7, 21));
	}

	@Test
	void shouldCountTodayAndTheLastDayAsDaysLeft() {
		assertThat(ROUND_2.daysLeft(Instant.parse("2022-07-21T10:00:00Z"), BANGKOK)).isEqualTo(1);
		assertThat(ROUND_2.daysLeft(Instant.parse("2022-07-19T17:00:00Z"), BANGKOK)).isEqualTo(2);
		assertThat(ROUND_2.daysLeft(Instant.parse("2026-12-01T00:00:00Z"), BANGKOK)).isZero();
	}

	@Test
	void shouldSayWhatIsTrueBeforeDuringAndAfterTheRound() {
		assertThat(this.calendar.at(Instant.parse("2022-07-01T00:00:00Z"))).isInstanceOf(Availability.NotYetOpen.class);
		assertThat(this.calendar.at(Instant.parse("2022-07-10T00:00:00Z")))
			.isEqualTo(new Availability.Open(ROUND_2, 12));
		assertThat(this.calendar.at(Instant.parse("2026-12-01T00:00:00Z"))).isEqualTo(new Availability.Closed(ROUND_2));
		assertThat(this.calendar.open(Instant.parse("2026-12-01T00:00:00Z"))).isEmpty();
	}

	@Test
	void shouldPreferTheNextAnnouncedRoundOnceTheLastHasClosed() {
		Round round3 = new Round("round-3", 3, Instant.parse("2027-01-01T00:00:00Z"),
				Instant.parse("2027-02-01T00:00:00Z"), Map.of(), false);
		RoundCalendar both = new RoundCalendar(List.of(round3, ROUND_2), BANGKOK);

		assertThat(both.at(Instant.parse("2026-12-01T00:00:00Z"))).isEqualTo(new Availability.NotYetOpen(round3));
		assertThat(both.rounds()).containsExactly(ROUND_2, round3);
	}

	@Test
	void shouldRefuseTwoRoundsWithOneNumber() {
		Round copy = new Round("round-3", 2, Instant.parse("2027-01-01T00:00:00Z"),
				Instant.parse("2027-02-01T00:00:00Z"), Map.of(), false);

		assertThatIllegalArgumentException().isThrownBy(() -> new RoundCalendar(List.of(ROUND_2, copy), BANGKOK))
			.withMessageContaining("share a number");
	}

	@Test
	void shouldRefuseOverlappingRounds() {
		Round overlapping = new Round("round-x", 3, Instant.parse("2022-07-10T00:00:00Z"),
				Instant.parse("2022-08-01T00:00:00Z"), Map.of(), false);

		assertThatIllegalArgumentException().isThrownBy(() -> new RoundCalendar(List.of(ROUND_2, overlapping), BANGKOK))
			.withMessageContaining("overlap");
	}

}
