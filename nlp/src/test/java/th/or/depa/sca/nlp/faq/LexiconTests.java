package th.or.depa.sca.nlp.faq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
	void shouldFixAsComparingWithEveryKnownWordWould() {
		Random random = new Random(11);
		String letters = "กขคงจabc";
		Map<String, Integer> known = new HashMap<>();
		for (int i = 0; i < 400; i++) {
			known.put(randomWord(random, letters, 3 + random.nextInt(4)), 1 + random.nextInt(4));
		}
		Map<String, String> variants = new HashMap<>();
		List<String> words = new ArrayList<>(known.keySet());
		for (int i = 0; i < 50; i++) {
			variants.put(randomWord(random, letters, 4 + random.nextInt(3)), words.get(random.nextInt(words.size())));
		}
		Lexicon lexicon = Lexicon.of(known, variants);
		for (int i = 0; i < 3000; i++) {
			String word = randomWord(random, letters, 3 + random.nextInt(5));
			String expected = known.containsKey(word) ? word : closest(word, known, variants);
			assertThat(lexicon.correct(List.of(word))).as(word).containsExactly(expected);
		}
	}

	/**
	 * The fix by brute force: of the words one edit away, the one the FAQ uses most; then
	 * the shorter; then the first in alphabetical order.
	 */
	private static String closest(String word, Map<String, Integer> known, Map<String, String> variants) {
		if (word.length() < Lexicon.MIN_LENGTH) {
			return word;
		}
		Map<String, String> spellings = new HashMap<>();
		known.keySet().forEach((k) -> spellings.put(k, k));
		variants.forEach((variant, canonical) -> {
			if (known.containsKey(canonical) && !known.containsKey(variant)) {
				spellings.put(variant, canonical);
			}
		});
		boolean latin = word.chars().allMatch((c) -> c >= 'a' && c <= 'z');
		String best = null;
		for (String spelling : spellings.keySet()) {
			if (!(latin ? Lexicon.swapApart(word, spelling) : Lexicon.oneEditApart(word, spelling))) {
				continue;
			}
			int weight = known.get(spellings.get(spelling));
			if (best == null || weight > known.get(spellings.get(best))
					|| (weight == known.get(spellings.get(best)) && (spelling.length() < best.length()
							|| (spelling.length() == best.length() && spelling.compareTo(best) < 0)))) {
				best = spelling;
			}
		}
		return (best != null) ? spellings.get(best) : word;
	}

	private static String randomWord(Random random, String letters, int length) {
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < length; i++) {
			word.append(letters.charAt(random.nextInt(letters.length())));
		}
		return word.toString();
	}

	@Test
	void shouldPreferTheWordTheFaqUsesMostWhenTwoAreOneEditAway() {
		Lexicon two = Lexicon.of(Map.of("กขคง", 1, "กขคจ", 5), Map.of());
		assertThat(two.correct(List.of("กขคฉ"))).containsExactly("กขคจ");
	}

	@Test
	void shouldFixAnEnglishWordOnlyWhereTwoNeighbouringLettersSwapped() {
		Lexicon english = Lexicon.of(Map.of("captain", 3, "paid", 2, "docs", 2, "here", 1, "role", 1), Map.of());
		assertThat(english.correct(List.of("captian"))).containsExactly("captain");
		// Another single edit of an English word is mostly another word: said, dogs,
		// hire, pole.
		assertThat(english.correct(List.of("said", "dogs", "hire", "pole"))).containsExactly("said", "dogs", "hire",
				"pole");
		// A long word with one letter left out (not its first) is mended too.
		Lexicon longer = Lexicon.of(Map.of("deadline", 3, "office", 2, "selection", 1), Map.of());
		assertThat(longer.correct(List.of("dedline", "officer", "election"))).containsExactly("deadline", "officer",
				"election");
		assertThat(Lexicon.swapApart("captian", "captain")).isTrue();
		assertThat(Lexicon.swapApart("captan", "captain")).isFalse();
		assertThat(Lexicon.swapApart("captain", "captain")).isFalse();
	}

}
