package th.or.depa.sca.nlp.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import th.or.depa.sca.nlp.parse.Parsed.Reason;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneParserTests {

	private final PhoneParser any = PhoneParser.anyNumber();

	private final PhoneParser mobile = PhoneParser.mobileOnly();

	@ParameterizedTest
	@ValueSource(strings = { "0812345678", "081-234-5678", "๐๘๑-๒๓๔-๕๖๗๘", "+66 81 234 5678", "66812345678",
			"+66812345678", "081 234 5678", "081.234.5678", "(081) 234-5678", "+66 (0)81 234 5678", "0066 81 234 5678",
			"001 66 81 234 5678", "０８１２３４５６７８", "081–234–5678", "เบอร์ 081-234-5678 ครับ", "เบอร์0812345678ค่ะ" })
	void shouldAcceptTheWaysPeopleTypeOneMobileNumber(String text) {
		Parsed<PhoneNumber> expected = new Parsed.Valid<>(new PhoneNumber("+66812345678"));
		assertThat(this.any.parse(text)).isEqualTo(expected);
		assertThat(this.mobile.parse(text)).isEqualTo(expected);
	}

	@Test
	void shouldTurnThaiDigitsIntoE164() {
		assertThat(this.mobile.parse("๐๘๑-๒๓๔-๕๖๗๘")).isEqualTo(new Parsed.Valid<>(new PhoneNumber("+66812345678")));
	}

	@ParameterizedTest
	@CsvSource({ "02-123-4567, +6621234567", "053-123-456, +6653123456", "0612345678, +66612345678",
			"0912345678, +66912345678" })
	void shouldAcceptLandlinesAndOtherMobilePrefixesWhenAnyNumberWillDo(String text, String e164) {
		assertThat(this.any.parse(text)).isEqualTo(new Parsed.Valid<>(new PhoneNumber(e164)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "02-123-4567", "021234567", "+66 2 123 4567", "053-123-456" })
	void shouldRejectLandlinesAsNotMobileWhenMobileIsRequired(String text) {
		assertThat(this.mobile.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.NOT_MOBILE));
	}

	@ParameterizedTest
	@ValueSource(strings = { "081234567", "08123456789", "08-1234" })
	void shouldRejectAMobileNumberWithADigitTooFewOrTooManyAsWrongLength(String text) {
		assertThat(this.mobile.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.WRONG_LENGTH));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1234", "0812345678901234567" })
	void shouldRejectFarTooShortOrLongNumbersAsWrongLength(String text) {
		assertThat(this.any.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.WRONG_LENGTH));
	}

	@Test
	void shouldRejectDigitsNoThaiNumberUsesAsNotAPhoneNumber() {
		assertThat(this.any.parse("0112345678")).isEqualTo(new Parsed.Invalid<>(Reason.NOT_A_PHONE_NUMBER));
	}

	@Test
	void shouldRejectAValidForeignNumber() {
		assertThat(this.any.parse("+1 415 555 2671")).isEqualTo(new Parsed.Invalid<>(Reason.FOREIGN_NUMBER));
	}

	@ParameterizedTest
	@ValueSource(strings = { "081-234-567O", "ไม่มีเบอร์", "081 หรือ 089" })
	void shouldRejectLettersAsNotANumber(String text) {
		assertThat(this.any.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.NOT_A_NUMBER));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "ค่ะ" })
	void shouldRejectNothingAsEmpty(String text) {
		assertThat(this.any.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.EMPTY));
	}

	@Test
	void shouldFormatNationallyWithDashes() {
		assertThat(new PhoneNumber("+66812345678").national()).isEqualTo("081-234-5678");
		assertThat(new PhoneNumber("+6621234567").national()).isEqualTo("02-123-4567");
	}

	@Test
	void shouldMaskAllButTheLastFourDigitsInToString() {
		assertThat(new PhoneNumber("+66812345678")).hasToString("PhoneNumber[+66xxxxx5678]");
		assertThat(new PhoneNumber("+6621234567")).hasToString("PhoneNumber[+66xxxx4567]");
	}

}
