package th.or.depa.sca.nlp.parse;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import th.or.depa.sca.nlp.parse.Parsed.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AgeParserTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	private final AgeParser parser = new AgeParser();

	@ParameterizedTest
	@ValueSource(strings = { "20", "๒๐", "20 ปี", "๒๐ ปี", "อายุ 20 ปีครับ", "อายุ20", "20ปีค่ะ", "20 ขวบ", "20 years",
			"20 years old", "20yo", "20 y/o", "20 ปีแล้วครับ", " ２０ " })
	void shouldParseAPlainAgeWithUnitsAndParticles(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(20));
	}

	@ParameterizedTest
	@ValueSource(strings = { "10", "100" })
	void shouldAcceptTheEndsOfTheRange(String text) {
		assertThat(this.parser.parse(text)).isInstanceOf(Parsed.Valid.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "9", "0", "101", "150", "2545", "99999999999999999999" })
	void shouldRejectAgesOutsideTheRange(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.OUT_OF_RANGE));
	}

	@Test
	void shouldUseTheRangeItWasGiven() {
		AgeParser adults = new AgeParser(18, 35);
		assertThat(adults.parse("17")).isEqualTo(new Parsed.Invalid<>(Reason.OUT_OF_RANGE));
		assertThat(adults.parse("18")).isEqualTo(new Parsed.Valid<>(18));
		assertThatIllegalArgumentException().isThrownBy(() -> new AgeParser(35, 18));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ยี่สิบ", "20.5", "-20", "20-25", "อายุ", "twenty" })
	void shouldRejectWhatIsNotAWholeNumberOfYears(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.NOT_A_NUMBER));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "ครับ" })
	void shouldRejectNothingAsEmpty(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.EMPTY));
	}

	@ParameterizedTest
	@CsvSource({ "2006-03-10, 20", "2006-03-11, 19", "2005-03-11, 20", "2026-03-10, 0" })
	void shouldCountCompletedYearsOnlyFromTheBirthday(LocalDate birthDate, int age) {
		assertThat(AgeParser.ageOn(birthDate, TODAY)).isEqualTo(age);
	}

	@Test
	void shouldAgeSomeoneBornOnALeapDayOnTheFirstOfMarch() {
		LocalDate leapDay = LocalDate.of(2004, 2, 29);
		assertThat(AgeParser.ageOn(leapDay, LocalDate.of(2022, 2, 28))).isEqualTo(17);
		assertThat(AgeParser.ageOn(leapDay, LocalDate.of(2022, 3, 1))).isEqualTo(18);
	}

	@Test
	void shouldGiveTheAgeFromABirthDate() {
		assertThat(this.parser.fromBirthDate(LocalDate.of(2002, 3, 2), TODAY)).isEqualTo(new Parsed.Valid<>(24));
	}

	@Test
	void shouldRejectABirthDateInTheFuture() {
		assertThat(this.parser.fromBirthDate(TODAY.plusDays(1), TODAY))
			.isEqualTo(new Parsed.Invalid<>(Reason.IN_FUTURE));
	}

	@Test
	void shouldRejectABirthDateGivingAnAgeOutOfRange() {
		assertThat(this.parser.fromBirthDate(LocalDate.of(2020, 1, 1), TODAY))
			.isEqualTo(new Parsed.Invalid<>(Reason.OUT_OF_RANGE));
		assertThat(this.parser.fromBirthDate(LocalDate.of(1900, 1, 1), TODAY))
			.isEqualTo(new Parsed.Invalid<>(Reason.OUT_OF_RANGE));
	}

}
