package th.or.depa.sca.nlp.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import th.or.depa.sca.nlp.parse.Parsed.Reason;

import static org.assertj.core.api.Assertions.assertThat;

class YesNoParserTests {

	private final YesNoParser parser = new YesNoParser();

	@ParameterizedTest
	@ValueSource(strings = { "ใช่", "ได้", "โอเค", "ok", "OK", "Okay", "ตกลง", "ยืนยัน", "ครับ", "ค่ะ", "คับ", "จ้า",
			"เอา", "ถูกต้อง", "yes", "Y", "yep", "👍", "👍🏽", "👍👍" })
	void shouldReadYes(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(YesNo.YES));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ใช่ค่ะ", "ใช่ค่ะะะ", "ใช่ครับ", "ใช่ครับบบ", "ใช่ ครับ", "ได้ครับผม", "โอเคค่ะ",
			"ok ครับ", "ok นะ", "ตกลงจ้า", "เอาค่ะ!", "yesss", "Yes!", "okk", "ถูกต้องนะคะ", "ครับผม", "ค่าาา",
			"ใช่แล้วค่ะ" })
	void shouldReadYesThroughParticlesAndStretchedLetters(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(YesNo.YES));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ใช่ๆ", "ได้ๆ ครับ", "โอเคๆ", "ใช่ใช่", "ok ok", "OK OK OK", "yes yes" })
	void shouldReadYesSaidTwiceOrWithTheRepetitionMark(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(YesNo.YES));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ไม่ๆ", "ไม่ไม่", "no no", "ไม่เอาๆ ค่ะ" })
	void shouldReadNoSaidTwiceOrWithTheRepetitionMark(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(YesNo.NO));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ไม่", "ไม่ใช่", "ไม่ได้", "ไม่เอา", "no", "N", "nope", "ไม่ครับ", "ไม่ค่ะ", "ไม่ใช่ค่ะะ",
			"ไม่เอาครับ", "ไม่ต้องค่ะ", "NO!", "nooo", "👎" })
	void shouldReadNo(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(YesNo.NO));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ยกเลิก", "cancel", "ใช่ไหม", "ok?", "คะ", "นะ", "maybe", "ไม่แน่ใจ", "ใช่ไม่ใช่",
			"yes no", "ใช่ ไม่", "ไม่รู้", "yes no", "สวัสดี", "yesterday", "nothing" })
	void shouldRejectAnythingElseIncludingTheCancelCommand(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.NOT_YES_NO));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "!!", "\u200B" })
	void shouldRejectNothingAsEmpty(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.EMPTY));
	}

}
