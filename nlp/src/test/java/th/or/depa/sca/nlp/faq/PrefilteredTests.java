package th.or.depa.sca.nlp.faq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PrefilteredTests {

	/** Question words, near misses and fillers the texts below are made of. */
	private static final String[] PIECES = { "ไหม", "มั้ย", "มั๊ย", "มั๋ย", "มะ", "ป่ะ", "ปะ", "ป่าว", "เปล่า",
			"รึเปล่า", "หรือเปล่า", "หรือไม่", "หรือ", "ยังไง", "ยังงัย", "อย่างไร", "ไง", "อะไร", "ที่ไหน", "ตรงไหน",
			"ไหน", "เมื่อไร", "เมื่อไหร่", "เมื่อไหร", "เมื่อไร่", "เมื่อไหล่", "ตอนไหน", "ช่วงไหน", "ช่วงไหร", "กี่",
			"เกี่ยว", "ใคร", "ทำไม", "เหรอ", "หรอ", "บ้าง", "ได้ป่าว", "ได้มั้ย", "ยัง", "แค่ไหน", "เท่าไร", "เท่าไหร่",
			"วันไหน", "วันอะไร", "วันใด", "วันที่", "เดือนไหน", "ปีอะไร", "พ.ศ.", "พศ", "อะไร", "กี่โมง", "ถึงวันไหน",
			"ถึงไหน", "แห่งไหน", "อยู่ไหน", "อยู่แถวไหน", "ท่านใด", "ท่านไหน", "คนไหน", "คือ", "เป็น", "มาจากไหน",
			"อยากทราบ", "อยากรู้", "สอบถาม", "ขอข้อมูล", "ขอทราบ", "แนะนำ", "สมัคร", "โครงการ", "ดีป้า", "ครับ", "ค่ะ",
			"นะ", "when", "what", "whats", "date", "day", "year", "which", "where", "where's", "wheres", "whereabouts",
			"who", "whom", "whose", "who's", "how", "many", "much", "long", "old", "list", "listen", "somewhere",
			"anyhow", "is", "are", "am", "can", "could", "do", "does", "did", "will", "would", "should", "any",
			"tell me", "pls", "please", "wanna know", "want to know", "?", "When", "WHO", "Smart City", "2565", "depa",
			"รุ่น", "รุ่นแรก", "รุ่นเเรก", "รุ่นที่", "รุ่นที่แล้ว", "รุ่นก่อน", "รุ่นนี้", "รอบนี้", "รุ่นหน้า",
			"รุ่นถัดไป", "1", "2", "3", "12", "๑", "๒", "๓", "หนึ่ง", "สอง", "สาม", "round", "batch", "cohort", "gen",
			"first", "1st", "last", "previous", "second", "2nd", "this", "current", "third", "3rd", "next", "upcoming",
			"future", "generation" };

	private static final String[] JOINERS = { "", "", " ", "  ", "?", "\n" };

	@Test
	void shouldFindAndReplaceExactlyWhatThePatternDoesForEveryQuestionPatternOfTheFaq() {
		Map<String, Prefiltered> patterns = new LinkedHashMap<>();
		for (Asks kind : Asks.values()) {
			patterns.put(kind.name(), kind.pattern);
		}
		patterns.put("IDENTITY", Asks.IDENTITY);
		patterns.put("THAI_QUESTION", Clauses.THAI_QUESTION);
		patterns.put("THAI_ANNOUNCED", Clauses.THAI_ANNOUNCED);
		patterns.put("ENGLISH_QUESTION", Clauses.ENGLISH_QUESTION);
		patterns.put("FIRST_ROUND", Rounds.FIRST);
		patterns.put("SECOND_ROUND", Rounds.SECOND);
		patterns.put("LATER_ROUND", Rounds.LATER);
		List<String> texts = texts();
		int matched = 0;
		for (Map.Entry<String, Prefiltered> named : patterns.entrySet()) {
			Prefiltered prefiltered = named.getValue();
			for (String text : texts) {
				// The patterns are searched in lower-cased text.
				String lower = text.toLowerCase(Locale.ROOT);
				boolean found = prefiltered.pattern().matcher(lower).find();
				assertThat(prefiltered.find(lower)).as("%s in '%s'", named.getKey(), lower).isEqualTo(found);
				assertThat(prefiltered.replaceAll(lower, " ")).as("%s in '%s'", named.getKey(), lower)
					.isEqualTo(prefiltered.pattern().matcher(lower).replaceAll(" "));
				matched += found ? 1 : 0;
			}
		}
		// The texts exercise the patterns: many pairs match, many do not.
		int pairs = texts.size() * patterns.size();
		assertThat(matched).isBetween(pairs / 10, pairs * 9 / 10);
	}

	@Test
	void shouldSeeTheTextAroundAPositionForLookbehindsAndWordBoundaries() {
		Prefiltered amount = new Prefiltered("(?<!เ)กี่|\\bhow\\s+many\\b", "กh");
		assertThat(amount.find("กี่คน")).isTrue();
		assertThat(amount.find("เกี่ยวกับ")).isFalse();
		assertThat(amount.find("anyhow many")).isFalse();
		assertThat(amount.find("so how many")).isTrue();
		assertThat(amount.replaceAll("เกี่ยวกับกี่คน how many", "_")).isEqualTo("เกี่ยวกับ_คน _");
	}

	@Test
	void shouldMatchPlainWordsAsTheRegexWouldTakingTheFirstAlternativeThatFits() {
		Prefiltered words = new Prefiltered("หรือ|หรือไม่|ไหม", "หไ");
		assertThat(words.replaceAll("ได้หรือไม่ ไหมคะ", "_"))
			.isEqualTo(words.pattern().matcher("ได้หรือไม่ ไหมคะ").replaceAll("_"))
			.isEqualTo("ได้_ไม่ _คะ");
		assertThat(words.find("สมัครได้เลย")).isFalse();
		assertThat(words.replaceAll("สมัครได้เลย", "_")).isEqualTo("สมัครได้เลย");
	}

	@Test
	void shouldSkipAFirstLetterThatNoMatchGoesOnFrom() {
		// "เ" starts เมื่อไหร่ and เท่าไร, never "เล…" or "เก…" (เกี่ยว is no question).
		Prefiltered question = Clauses.THAI_QUESTION;
		assertThat(question.mayStartAt("เลย", 0)).isFalse();
		assertThat(question.mayStartAt("เกี่ยว", 0)).isFalse();
		assertThat(question.mayStartAt("เมื่อไหร่", 0)).isTrue();
		assertThat(question.mayStartAt("เท่าไร", 0)).isTrue();
		// The last letter of a text, or one followed by a letter beyond the table, is
		// tried.
		assertThat(question.mayStartAt("ไ", 0)).isTrue();
		assertThat(question.mayStartAt("เ😊", 0)).isTrue();
		// A word boundary is read as a text may have it, whatever came before.
		Prefiltered english = new Prefiltered("\\bwhen\\b|\\?", "w?");
		assertThat(english.mayStartAt("so when", 3)).isTrue();
		assertThat(english.mayStartAt("so wait", 3)).isFalse();
		assertThat(english.mayStartAt("ok?!", 2)).isTrue();
	}

	@Test
	void shouldTryEveryNextLetterAfterALookbehindThatMustSeeALetter() {
		Prefiltered after = new Prefiltered("(?<=ก)ข|ขค", "ข");
		assertThat(after.mayStartAt("กขง", 1)).isTrue();
		assertThat(after.find("กขง")).isTrue();
		assertThat(after.find("ขง")).isFalse();
	}

	@Test
	void shouldRefuseStartLettersBeyondTheThaiBlock() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Prefiltered("？", "？"));
	}

	private static List<String> texts() {
		Random random = new Random(20261201);
		List<String> texts = new ArrayList<>(List.of(PIECES));
		for (int i = 0; i < 3000; i++) {
			StringBuilder text = new StringBuilder();
			int pieces = 1 + random.nextInt(4);
			for (int p = 0; p < pieces; p++) {
				text.append(JOINERS[random.nextInt(JOINERS.length)]);
				text.append(PIECES[random.nextInt(PIECES.length)]);
			}
			texts.add(text.toString());
		}
		return texts;
	}

}
