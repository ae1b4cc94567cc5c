package th.or.depa.sca.nlp.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import th.or.depa.sca.nlp.parse.Parsed.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NationalIdParserTests {

	// Check digits worked out by hand with the formula: for 110170023070 the weighted
	// sum is 146, 146 % 11 = 3, (11 - 3) % 10 = 8.
	private static final String VALID = "1101700230708";

	private final NationalIdParser parser = new NationalIdParser();

	@ParameterizedTest
	@ValueSource(strings = { "1101700230708", "3100600123450", "1234567890121", "9100000000003" })
	void shouldAcceptIdsWithCorrectCheckDigit(String digits) {
		assertThat(this.parser.parse(digits)).isEqualTo(new Parsed.Valid<>(new NationalId(digits)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1-1017-00230-70-8", "1 1017 00230 70 8", "1.1017.00230.70.8", "11017-002307-08",
			"1–1017–00230–70–8", " 1101700230708 " })
	void shouldAcceptAnyGroupingWithDashesSpacesOrDots(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(new NationalId(VALID)));
	}

	@Test
	void shouldAcceptThaiDigitsWithDashes() {
		assertThat(this.parser.parse("๑-๑๐๑๗-๐๐๒๓๐-๗๐-๘")).isEqualTo(new Parsed.Valid<>(new NationalId(VALID)));
	}

	@Test
	void shouldAcceptFullWidthDigits() {
		assertThat(this.parser.parse("１１０１７００２３０７０８")).isEqualTo(new Parsed.Valid<>(new NationalId(VALID)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "เลขบัตร 1-1017-00230-70-8 ครับ", "ID: 1101700230708", "1101700230708ค่ะ" })
	void shouldIgnoreLabelsAndParticlesAroundTheNumber(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(new NationalId(VALID)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1101700230709", "1101700230700", "1101700230718", "2101700230708",
			// Often quoted as an example, but its check digit should be 8.
			"1101700230705" })
	void shouldRejectAChangedDigitAsBadChecksum(String digits) {
		assertThat(this.parser.parse(digits)).isEqualTo(new Parsed.Invalid<>(Reason.BAD_CHECKSUM));
	}

	@ParameterizedTest
	@ValueSource(strings = { "110170023070", "11017002307081", "1-1017-00230-70", "123" })
	void shouldRejectTwelveOrFourteenDigitsAsWrongLength(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.WRONG_LENGTH));
	}

	@Test
	void shouldRejectFirstDigitZeroEvenWithCorrectCheckDigit() {
		assertThat(this.parser.parse("0101700230700")).isEqualTo(new Parsed.Invalid<>(Reason.NOT_ISSUED));
	}

	@ParameterizedTest
	@ValueSource(strings = { "11017OO230708", "l101700230708", "1101700230708 หรือ 1234567890121", "ไม่มีบัตร", "abc" })
	void shouldRejectLettersInsideOrInsteadOfTheNumber(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.NOT_A_NUMBER));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\u200B", "ครับ" })
	void shouldRejectNothingAsEmpty(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.EMPTY));
	}

	@Test
	void shouldFormatInTheCardGrouping() {
		assertThat(new NationalId(VALID).formatted()).isEqualTo("1-1017-00230-70-8");
	}

	@Test
	void shouldMaskAllButTheLastFourDigitsInToString() {
		Parsed<NationalId> parsed = this.parser.parse(VALID);
		assertThat(parsed).hasToString("Valid[value=NationalId[x-xxxx-xxxx0-70-8]]");
		assertThat(parsed.toString()).doesNotContain("10170023");
	}

	@Test
	void shouldRefuseToBuildAnIdWithBadCheckDigitWithoutEchoingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NationalId("1101700230705"))
			.withMessageNotContaining("1101700230705");
	}

}
