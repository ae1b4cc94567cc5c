package th.or.depa.sca.nlp.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.lucene.analysis.CharArraySet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UserDictionaryTests {

	private static final List<String> WORDS = List.of("ดีป้า", "สมาร์ทซิตี้", "บูทแคมป์", "ไอที", "มีคน", "smart city",
			"depa", "é", "ก", "ℝ",
			"ตำแหน่งนักส่งเสริมดิจิทัลพัฒนาเมืองรุ่นใหม่ที่ยาวกว่าหกสิบสามตัวอักษรแน่นอนเลยครับผมว่านะ");

	@Test
	void shouldAnswerEveryLookupAsTheSetDoes() {
		UserDictionary dictionary = new UserDictionary(WORDS);
		CharArraySet reference = new CharArraySet(WORDS, false);
		String text = String.join("", WORDS) + "ดีป้ามีคนไอทีสมาร์ทซิตี้ depa smart cityéℝ";
		char[] letters = text.toCharArray();
		int found = 0;
		for (int offset = 0; offset < letters.length; offset++) {
			for (int length = 0; offset + length <= letters.length; length++) {
				boolean expected = reference.contains(letters, offset, length);
				assertThat(dictionary.contains(letters, offset, length)).as("%d+%d", offset, length)
					.isEqualTo(expected);
				found += expected ? 1 : 0;
			}
		}
		assertThat(found).isGreaterThanOrEqualTo(WORDS.size() + 6);
	}

	@Test
	void shouldAgreeWithTheSetOnRandomThaiLetterRuns() {
		UserDictionary dictionary = new UserDictionary(WORDS);
		Random random = new Random(20261202);
		List<String> misses = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			StringBuilder word = new StringBuilder();
			for (int n = 1 + random.nextInt(12); n > 0; n--) {
				word.append((char) (0x0E01 + random.nextInt(0x2E)));
			}
			misses.add(word.toString());
		}
		CharArraySet reference = new CharArraySet(WORDS, false);
		for (String miss : misses) {
			assertThat(dictionary.contains(miss)).isEqualTo(reference.contains(miss));
		}
	}

	@Test
	void shouldRefuseChangesOnceBuilt() {
		UserDictionary dictionary = new UserDictionary(WORDS);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> dictionary.add("ใหม่"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(dictionary::clear);
		assertThat(dictionary.contains("ดีป้า")).isTrue();
	}

}
