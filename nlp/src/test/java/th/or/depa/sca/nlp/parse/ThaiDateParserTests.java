package th.or.depa.sca.nlp.parse;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import th.or.depa.sca.nlp.parse.Parsed.Reason;

import static org.assertj.core.api.Assertions.assertThat;

class ThaiDateParserTests {

	// 2026 CE is 2569 BE: 2-digit years resolve to at most 2589 BE or 2046 CE.
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T03:00:00Z"), ZoneId.of("Asia/Bangkok"));

	private static final LocalDate JULY_21_2022 = LocalDate.of(2022, 7, 21);

	private final ThaiDateParser parser = new ThaiDateParser(CLOCK);

	@ParameterizedTest
	@ValueSource(strings = { "21 กรกฎาคม 2565", "21 ก.ค. 65", "21 ก.ค. 2565", "21 กค 65", "21 ก.ค 65", "21ก.ค.65",
			"21 กรกฎา 2565", "21 กรกฎาคม พ.ศ. 2565", "21 กรกฎาคม พ.ศ.2565", "21 ก.ค. พศ 2565", "วันที่ 21 กรกฎาคม 2565",
			"วันที่21 ก.ค. 65", "วันพฤหัสบดีที่ 21 กรกฎาคม พ.ศ. 2565", "เกิดวันที่ 21 ก.ค. 65 ครับ", "๒๑ ก.ค. ๖๕",
			"๒๑ กรกฎาคม ๒๕๖๕", "21 กรกฎาคม ค.ศ. 2022", "21 ก.ค. 2022" })
	void shouldParseThaiMonthNamesAndAbbreviations(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(JULY_21_2022));
	}

	@ParameterizedTest
	@ValueSource(strings = { "21 July 2022", "21 Jul 2022", "21 jul. 2022", "21-Jul-2022", "21st July 2022",
			"July 21, 2022", "Jul 21 2022", "21 July 22", "21 JULY 2565" })
	void shouldParseEnglishMonthNames(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(JULY_21_2022));
	}

	@ParameterizedTest
	@ValueSource(strings = { "21/7/2565", "21/07/2565", "21-07-2022", "21.7.65", "21/7/65", "21 7 2565", "2022-07-21",
			"2565-07-21", "๒๑/๗/๒๕๖๕", "21/7/พ.ศ. 2565" })
	void shouldParseNumericDatesDayFirstAndIso(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(JULY_21_2022));
	}

	@Test
	void shouldReadTwoDigitYearWithThaiMonthAsBuddhistEra() {
		assertThat(this.parser.parse("21 ก.ค. 65")).isEqualTo(new Parsed.Valid<>(LocalDate.of(2022, 7, 21)));
	}

	@Test
	void shouldReadFourDigitBuddhistYear() {
		assertThat(this.parser.parse("2 มี.ค. 2545")).isEqualTo(new Parsed.Valid<>(LocalDate.of(2002, 3, 2)));
	}

	@ParameterizedTest
	@CsvSource({ "1 ม.ค. 99, 1956-01-01", "1 ม.ค. 89, 2046-01-01", "1 ม.ค. 90, 1947-01-01", "1/1/43, 2000-01-01",
			"1 Jan 99, 1999-01-01", "1 Jan 46, 2046-01-01", "1 Jan 47, 1947-01-01", "1 ม.ค. ค.ศ. 99, 1999-01-01" })
	void shouldPickTheCenturyOfTwoDigitYearsAtMostTwentyYearsAhead(String text, LocalDate expected) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(expected));
	}

	@ParameterizedTest
	@CsvSource({ "1 มกราคม 2567, 1", "1 มกรา 2567, 1", "1 มค 2567, 1", "1 ก.พ. 2567, 2", "1 กุมภา 2567, 2",
			"1 มี.ค. 2567, 3", "1 เม.ย. 2567, 4", "1 เมษา 2567, 4", "1 พ.ค. 2567, 5", "1 มิ.ย. 2567, 6",
			"1 ก.ค. 2567, 7", "1 ส.ค. 2567, 8", "1 ก.ย. 2567, 9", "1 ต.ค. 2567, 10", "1 พ.ย. 2567, 11",
			"1 พฤศจิกา 2567, 11", "1 ธ.ค. 2567, 12", "1 ธันวาคม 2567, 12", "1 Sept 2024, 9", "1 sep 2024, 9",
			"1 September 2024, 9" })
	void shouldKnowEveryMonth(String text, int month) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(LocalDate.of(2024, month, 1)));
	}

	@Test
	void shouldAcceptTheLeapDayOfALeapYear() {
		assertThat(this.parser.parse("29 ก.พ. 2567")).isEqualTo(new Parsed.Valid<>(LocalDate.of(2024, 2, 29)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "31 ก.พ. 2565", "29 ก.พ. 2566", "31 เมษายน 2565", "31/4/2565", "0 ม.ค. 2565", "32/1/2565",
			"30 ก.พ.", "2022-02-30" })
	void shouldRejectDatesThatDoNotExist(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.IMPOSSIBLE_DATE));
	}

	@ParameterizedTest
	@ValueSource(strings = { "21 กรกฏ 2565", "21 abc 2565", "21/13/2565", "21 ม.ค.ก. 2565" })
	void shouldRejectUnknownMonths(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.UNKNOWN_MONTH));
	}

	@ParameterizedTest
	@ValueSource(strings = { "21 ก.ค.", "21 กรกฎาคม", "21/7", "July 21" })
	void shouldAskForTheYearWhenItIsMissing(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.MISSING_YEAR));
	}

	@ParameterizedTest
	@ValueSource(strings = { "21 ก.ค. 1800", "21 ก.ค. 2400", "21 ก.ค. 2700", "21 ก.ค. พ.ศ. 2022", "21 ก.ค. ค.ศ. 2565" })
	void shouldRejectYearsOutOfRange(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.OUT_OF_RANGE));
	}

	@ParameterizedTest
	@ValueSource(strings = { "เมื่อวาน", "hello", "2565", "21", "21 ก.ค. 256", "21072565", "21 ก.ค. 65 หรือ 66" })
	void shouldRejectWhatIsNotADate(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.NOT_A_DATE));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "วันที่", "ครับ" })
	void shouldRejectNothingAsEmpty(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.EMPTY));
	}

}
