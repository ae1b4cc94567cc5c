package th.or.depa.sca.nlp.faq;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LexiconTests {

	private final Lexicon lexicon = Lexicon.of(
			Map.of("สมัคร", 9, "ปิดรับ", 4, "พี่เลี้ยง", 3, "ค่าตอบแทน", 2, "เทศบาล", 2, "สมาร์ท", 1, "2565", 1),
			Map.of("เบี้ยเลี้ยง", "ค่าตอบแทน", "เงินเดือน", "ค่าตอบแทน", "smart city", "สมาร์ท"));

	@Test
	void shouldFixAWordOneEditFromAKnownWord() {
		assertThat(this.lexicon.correct(List.of("ปิดรับ", "สมัค"))).containsExactly("ปิดรับ", "สมัคร");
		assertThat(this.lexicon.correct(List.of("ปิดรบ"))).containsExactly("ปิดรับ");
	}

	@Test
	void shouldGlueAMisspelledWordTheTokenizerCutBackTogether() {
		assertThat(this.lexicon.correct(List.of("มี", "พี่", "เลียง"))).containsExactly("มี", "พี่เลี้ยง");
		assertThat(this.lexicon.correct(List.of("เทศ", "บาน", "ตำบล"))).containsExactly("เทศบาล", "ตำบล");
	}

	@Test
	void shouldReadAMisspelledSynonymAsItsCanonicalWord() {
		assertThat(this.lexicon.correct(List.of("เบี้ยเลียง"))).containsExactly("ค่าตอบแทน");
		assertThat(this.lexicon.correct(List.of("เงินเดือร"))).containsExactly("ค่าตอบแทน");
	}

	@Test
	void shouldLeaveKnownShortDistantAndNumericWordsAlone() {
		assertThat(this.lexicon.correct(List.of("สมัคร", "งาน"))).containsExactly("สมัคร", "งาน");
		assertThat(this.lexicon.correct(List.of("ฝน", "ตก"))).containsExactly("ฝน", "ตก");
		assertThat(this.lexicon.correct(List.of("ประกันภัย"))).containsExactly("ประกันภัย");
		assertThat(this.lexicon.correct(List.of("2566"))).containsExactly("2566");
	}

	@Test
	void shouldCountOneInsertionDeletionSubstitutionOrSwapAsOneEdit() {
		assertThat(Lexicon.oneEditApart("สมัค", "สมัคร")).isTrue();
		assertThat(Lexicon.oneEditApart("สมัคร", "สมัค")).isTrue();
		assertThat(Lexicon.oneEditApart("เทศบาน", "เทศบาล")).isTrue();
		assertThat(Lexicon.oneEditApart("พี่เลียง", "พี่เลี้ยง")).isTrue();
		assertThat(Lexicon.oneEditApart("abdc", "abcd")).isTrue();
		assertThat(Lexicon.oneEditApart("xbcd", "abcd")).isTrue();
		assertThat(Lexicon.oneEditApart("abcd", "abcd")).isFalse();
		assertThat(Lexicon.oneEditApart("badc", "abcd")).isFalse();
		assertThat(Lexicon.oneEditApart("ab", "abcd")).isFalse();
		assertThat(Lexicon.oneEditApart("axcy", "abcd")).isFalse();
		assertThat(Lexicon.oneEditApart("acbx", "abcd")).isFalse();
	}

	@Test
	void shouldPreferTheWordTheFaqUsesMostWhenTwoAreOneEditAway() {
		Lexicon two = Lexicon.of(Map.of("abcd", 1, "abce", 5), Map.of());
		assertThat(two.correct(List.of("abcx"))).containsExactly("abce");
	}

}
