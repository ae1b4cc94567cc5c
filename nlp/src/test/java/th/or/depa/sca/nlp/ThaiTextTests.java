package th.or.depa.sca.nlp;

import org.junit.jupiter.api.Test;

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

}
