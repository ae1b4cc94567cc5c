package th.or.depa.sca.nlp.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import th.or.depa.sca.nlp.parse.Parsed.Reason;

import static org.assertj.core.api.Assertions.assertThat;

class EmailParserTests {

	private final EmailParser parser = new EmailParser();

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "somchai@example.com|somchai@example.com", "  somchai@example.com  |somchai@example.com",
					"Somchai.J@Example.CO.TH|Somchai.J@example.co.th",
					"first.last+bot@mail.depa.or.th|first.last+bot@mail.depa.or.th",
					"o'neil@example.org|o'neil@example.org", "ｓｏｍｃｈａｉ＠ｅｘａｍｐｌｅ．ｃｏｍ|somchai@example.com" })
	void shouldAcceptAddressesTrimmingAndLowerCasingOnlyTheDomain(String text, String expected) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(new EmailAddress(expected)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "อีเมล somchai@example.com ครับ", "somchai@example.com.",
			"ส่งมาที่ somchai@example.com นะคะ", "somchai@example.comครับ", "somchai@example.comค่ะ!" })
	void shouldIgnoreWordsAndPunctuationAroundTheAddress(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(new EmailAddress("somchai@example.com")));
	}

	@Test
	void shouldAcceptAThaiDomainAndGiveItsAsciiForm() {
		Parsed<EmailAddress> parsed = this.parser.parse("info@ตัวอย่าง.ไทย");
		assertThat(parsed).isEqualTo(new Parsed.Valid<>(new EmailAddress("info@ตัวอย่าง.ไทย")));
		assertThat(((Parsed.Valid<EmailAddress>) parsed).value().ascii()).startsWith("info@xn--")
			.endsWith(".xn--o3cw4h");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a@b", "a@@b.com", "a@b..com", "@example.com", "somchai@", "somchai",
			"somchai.example.com", "a@b.c", "a@-b.com", "a@b-.com", "a@b.123", ".a@b.com", "a.@b.com", "a..b@c.com",
			"a@b_c.com", "ก@b.com", "somchai @example.com", "Somchai <somchai@example.com>" })
	void shouldRejectWhatIsNotAnAddress(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.NOT_EMAIL));
	}

	@Test
	void shouldRejectTwoAddressesInOneAnswer() {
		assertThat(this.parser.parse("a@example.com b@example.com"))
			.isEqualTo(new Parsed.Invalid<>(Reason.MORE_THAN_ONE));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "  ", "\uFEFF" })
	void shouldRejectNothingAsEmpty(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.EMPTY));
	}

	@Test
	void shouldMaskTheLocalPartInToString() {
		assertThat(new EmailAddress("somchai@example.com")).hasToString("EmailAddress[s***@example.com]");
	}

}
