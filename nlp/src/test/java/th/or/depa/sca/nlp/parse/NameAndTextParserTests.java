package th.or.depa.sca.nlp.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NameAndTextParserTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			สมชาย ใจดี | สมชาย ใจดี
			นายสมชาย   ใจดี ครับ | สมชาย ใจดี
			นางสาว มานี มีนา | มานี มีนา
			น.ส.มานี มีนา | มานี มีนา
			Somchai Jaidee | Somchai Jaidee
			Mr. John O'Neil-Smith | John O'Neil-Smith
			""")
	void shouldReadFullNamesKeepingThemAsTyped(String typed, String name) {
		assertThat(NameParser.fullName().parse(typed)).isEqualTo(new Parsed.Valid<>(name));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			สมชาย | NOT_A_NAME
			สมชาย 1234 | NOT_A_NAME
			0812345678 | NOT_A_NAME
			'   ' | EMPTY
			นาย | EMPTY
			somchai@mail.com jaidee | NOT_A_NAME
			อยากกลับไปช่วยพัฒนาเมืองโคราชให้เป็นเมืองอัจฉริยะ ด้านการจัดการขยะ | NOT_A_NAME
			ผม ชื่อ สมชาย นามสกุล ใจดี | NOT_A_NAME
			""")
	void shouldRefuseWhatIsNotAFullName(String typed, Parsed.Reason reason) {
		assertThat(NameParser.fullName().parse(typed)).isEqualTo(new Parsed.Invalid<>(reason));
	}

	@Test
	void shouldTakeANicknameAsOneWord() {
		assertThat(NameParser.singleName().parse("ต้น")).isEqualTo(new Parsed.Valid<>("ต้น"));
		assertThat(NameParser.singleName().parse("ต้น 55")).isEqualTo(new Parsed.Invalid<>(Parsed.Reason.NOT_A_NAME));
	}

	@Test
	void shouldBoundFreeTextByTheCharactersAReaderSees() {
		TextParser motivation = new TextParser(30, 60);

		assertThat(motivation.parse("อยากพัฒนา")).isEqualTo(new Parsed.Invalid<>(Parsed.Reason.TOO_SHORT));
		assertThat(motivation.parse("ก".repeat(61))).isEqualTo(new Parsed.Invalid<>(Parsed.Reason.TOO_LONG));
		assertThat(motivation.parse(" \u200B ")).isEqualTo(new Parsed.Invalid<>(Parsed.Reason.EMPTY));
		assertThat(motivation.parse("อยากกลับไปพัฒนาบ้านเกิดที่เชียงรายให้น่าอยู่ขึ้น"))
			.isEqualTo(new Parsed.Valid<>("อยากกลับไปพัฒนาบ้านเกิดที่เชียงรายให้น่าอยู่ขึ้น"));
	}

}
