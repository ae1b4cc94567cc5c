package th.or.depa.sca.nlp.parse;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThaiDatesTests {

	private static final LocalDate JULY_21_2022 = LocalDate.of(2022, 7, 21);

	@Test
	void shouldFormatThaiInTheBuddhistEra() {
		assertThat(ThaiDates.format(JULY_21_2022, new ULocale("th_TH@calendar=buddhist"))).isEqualTo("21 กรกฎาคม 2565");
	}

	@Test
	void shouldUseTheBuddhistEraForThaiWhateverCalendarIsAsked() {
		assertThat(ThaiDates.format(JULY_21_2022, Locale.of("th"))).isEqualTo("21 กรกฎาคม 2565");
		assertThat(ThaiDates.format(JULY_21_2022, new ULocale("th_TH@calendar=gregorian")))
			.isEqualTo("21 กรกฎาคม 2565");
	}

	@Test
	void shouldFormatEnglishDayFirstInTheGregorianEra() {
		assertThat(ThaiDates.format(JULY_21_2022, Locale.ENGLISH)).isEqualTo("21 July 2022");
		assertThat(ThaiDates.format(JULY_21_2022, Locale.of("en", "TH"))).isEqualTo("21 July 2022");
	}

	@Test
	void shouldKeepTheOrderOfARegionalEnglish() {
		assertThat(ThaiDates.format(JULY_21_2022, Locale.US)).isEqualTo("July 21, 2022");
	}

	@Test
	void shouldFormatEveryDayWithoutATimeZoneShift() {
		assertThat(ThaiDates.format(LocalDate.of(2024, 1, 1), Locale.of("th"))).isEqualTo("1 มกราคม 2567");
		assertThat(ThaiDates.format(LocalDate.of(2024, 12, 31), Locale.of("th"))).isEqualTo("31 ธันวาคม 2567");
	}

	@Test
	void shouldReadBackWhatTheDateParserParses() {
		ThaiDateParser parser = new ThaiDateParser(
				Clock.fixed(JULY_21_2022.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
		assertThat(parser.parse(ThaiDates.format(JULY_21_2022, Locale.of("th"))))
			.isEqualTo(new Parsed.Valid<>(JULY_21_2022));
		assertThat(parser.parse(ThaiDates.format(JULY_21_2022, Locale.ENGLISH)))
			.isEqualTo(new Parsed.Valid<>(JULY_21_2022));
	}

}
