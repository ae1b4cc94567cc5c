package th.or.depa.sca.bot.handoff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OfficeHoursTests {

	private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

	private final OfficeHours hours = new OfficeHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
			LocalTime.of(8, 30), LocalTime.of(16, 30), BANGKOK);

	@Test
	void shouldBeOpenOnAWeekdayAfternoonInBangkokWhateverTheServerZone() {
		// Monday 23 November 2026, 14:00 in Bangkok = 07:00 UTC.
		Instant monday = Instant.parse("2026-11-23T07:00:00Z");
		assertThat(this.hours.isOpen(monday)).isTrue();
		assertThat(this.hours.closingToday(monday)).isEqualTo(ZonedDateTime.of(2026, 11, 23, 16, 30, 0, 0, BANGKOK));
	}

	@Test
	void shouldSendAFridayEveningRequestToMondayMorning() {
		Instant friday = ZonedDateTime.of(2026, 11, 27, 19, 0, 0, 0, BANGKOK).toInstant();
		assertThat(this.hours.isOpen(friday)).isFalse();
		assertThat(this.hours.nextOpening(friday)).isEqualTo(ZonedDateTime.of(2026, 11, 30, 8, 30, 0, 0, BANGKOK));
	}

	@Test
	void shouldOpenLaterTheSameDayBeforeOfficeHours() {
		Instant early = ZonedDateTime.of(2026, 11, 24, 7, 0, 0, 0, BANGKOK).toInstant();
		assertThat(this.hours.isOpen(early)).isFalse();
		assertThat(this.hours.nextOpening(early)).isEqualTo(ZonedDateTime.of(2026, 11, 24, 8, 30, 0, 0, BANGKOK));
	}

	@Test
	void shouldCloseAtClosingTimeExactly() {
		Instant closing = ZonedDateTime.of(2026, 11, 24, 16, 30, 0, 0, BANGKOK).toInstant();
		assertThat(this.hours.isOpen(closing)).isFalse();
	}

}
