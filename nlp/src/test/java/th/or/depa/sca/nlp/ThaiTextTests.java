package th.or.depa.sca.nlp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ThaiTextTests {

	@Test
	void shouldTurnThaiDigitsIntoAsciiDigits() {
		assertThat(ThaiText.normalize("๒๕๖๕")).isEqualTo("2565");
	}

	@Test
	void shouldRemoveZeroWidthCharactersAndFoldSpaces() {
		assertThat(ThaiText.normalize("\uFEFF  สมัคร\u200Bเรียน \t\n ครับ ")).isEqualTo("สมัครเรียน ครับ");
	}

	@Test
	void shouldFoldFullWidthLatinAndCase() {
		assertThat(ThaiText.normalize("ＨＥＬＰ Menu")).isEqualTo("help menu");
	}

	@Test
	void shouldReturnEmptyForNullOrEmpty() {
		assertThat(ThaiText.normalize(null)).isEmpty();
		assertThat(ThaiText.normalize("")).isEmpty();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "เเม่, แม่", "เเละ, และ", "ไม่่ได้, ไม่ได้", "ก่ั, กั่", "ทีี่, ที่", "ก่ิ, กิ่" })
	void shouldPutThaiMarksInOrderAndDropDoubledOnes(String typed, String expected) {
		assertThat(ThaiText.normalize(typed)).isEqualTo(expected);
	}

	@Test
	void shouldKeepSaraAmAfterCompatibilityNormalization() {
		// NFKC alone turns ำ into two characters; the result must still be one.
		assertThat(ThaiText.normalize("น้ำ กํา")).isEqualTo("น้ำ กำ");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "ดีมากกกกก, ดีมาก", "ไหมมมม, ไหม", "ได้ค่ะะะะ, ได้ค่ะ", "sooo good, so good", "ออก, ออก",
			"0811112222, 0811112222", "55555, 55555", "หรือออนไลน์, หรือออนไลน์", "ขอออกจากโครงการ, ขอออกจากโครงการ",
			"เร็วๆๆๆ, เร็วๆ" })
	void shouldFoldEmphasisRunsButKeepDoubledLettersAndDigits(String typed, String expected) {
		assertThat(ThaiText.normalize(typed)).isEqualTo(expected);
	}

}
