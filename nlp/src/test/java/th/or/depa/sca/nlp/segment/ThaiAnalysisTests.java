package th.or.depa.sca.nlp.segment;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThaiAnalysisTests {

	private final ThaiAnalysis analysis = ThaiAnalysis.builder()
		.synonyms(List.of("สมาร์ทซิตี้", "smart city", "สมาทซิตี้", "เมืองอัจฉริยะ"))
		.synonyms(List.of("บูทแคมป์", "boot camp", "bootcamp"))
		.build();

	@Test
	void shouldKeepDomainWordsWholeWhereTheJdkDictionarySplitsThem() {
		assertThat(this.analysis.segments("สมัครโครงการสมาร์ทซิตี้แอมบาสเดอร์ของดีป้าได้ถึงวันไหนครับ"))
			.containsExactly("สมัคร", "โครงการ", "สมาร์ทซิตี้", "แอมบาสเดอร์", "ของ", "ดีป้า", "ได้", "ถึง", "วัน",
					"ไหน", "ครับ");
	}

	@Test
	void shouldKeepEverydayWordsWholeWhereTheJdkDictionaryCutsThemWrong() {
		// The JDK cut "ได้ช่องทาง" as ได้ช่อง + ทาง and "ความหมาย" as ความ + หมาย,
		assertThat(this.analysis.segments("ติดต่อได้ช่องทางไหน")).contains("ช่องทาง");
		assertThat(this.analysis.segments("ความหมายคืออะไร")).contains("ความหมาย");
		assertThat(this.analysis.words("อะคับ")).isEmpty();
		// ... "มีคน" as มีค + น, and loan words in pieces: ไอ + ที, ส + ไลด์.
		assertThat(this.analysis.segments("รุ่น 2 มีคนสมัครกี่คน")).containsSubsequence("มี", "คน", "สมัคร");
		// ... and มีความ, มีครู the same way: มีค + วาม, มีค + รู.
		assertThat(this.analysis.segments("ไม่มีความรู้เรื่องเมือง")).containsSubsequence("ไม่", "มี", "ความ", "รู้");
		assertThat(this.analysis.segments("มีครูสอนไหม")).containsSubsequence("มี", "ครู", "สอน");
		assertThat(this.analysis.segments("ไม่ได้จบสายไอที")).contains("ไอที");
		assertThat(this.analysis.segments("ขอสไลด์หน่อย")).contains("สไลด์");
		assertThat(this.analysis.segments("สมัครได้ที่ไหน")).containsExactly("สมัคร", "ได้", "ที่ไหน");
	}

	@Test
	void shouldNotReadAnAbbreviationInsideAWordThatHasItsLetters() {
		// อบต (the subdistrict council) is a dictionary word: "สอบตก" was ส + อบต + ก.
		assertThat(this.analysis.segments("ถ้าสอบตกโดนออกไหม")).containsSubsequence("สอบ", "ตก").doesNotContain("อบต");
		assertThat(this.analysis.segments("อยากตอบตรงๆ")).doesNotContain("อบต");
		assertThat(this.analysis.segments("อบต สมัครได้ไหม")).contains("อบต");
	}

	@Test
	void shouldDropAskingWholeNotLeaveAnExamBehind() {
		// "สอบถาม" (to ask) was สอบ (an exam) + ถาม, and the stop list dropped only ถาม.
		assertThat(this.analysis.words("ขอสอบถามเรื่องบูทแคมป์ค่ะ")).doesNotContain("สอบ", "ถาม");
		assertThat(this.analysis.words("บูทแคมป์มีสอบไหม")).contains("สอบ");
	}

	@Test
	void shouldKeepOtherSensesOfApplyingWholeApartFromApplying() {
		// Applying for a job, an exam, a school or a membership is not applying to the
		// program: each is a word of its own, not สมัคร and another word.
		assertThat(this.analysis.words("สมัครงานที่ไหนดี")).contains("สมัครงาน").doesNotContain("สมัคร");
		assertThat(this.analysis.words("สมัครสอบก.พ.ปีนี้เปิดวันไหน")).contains("สมัครสอบ").doesNotContain("สมัคร");
		assertThat(this.analysis.words("สมัครเรียนมหาลัยรอบพอร์ต")).contains("สมัครเรียน");
		assertThat(this.analysis.words("สมัครสมาชิกยังไง")).contains("สมัครสมาชิก");
		assertThat(this.analysis.words("ดีป้าเปิดรับสมัครงานไหม")).contains("สมัครงาน");
		assertThat(this.analysis.words("สมัครโครงการยังไง")).contains("สมัคร");
	}

	@Test
	void shouldKeepWordsThatCarryIntentWhichLucenesStopListDrops() {
		assertThat(this.analysis.words("ไม่ต้องมีอะไรก็สมัครได้ไหมครับ")).contains("ไม่", "ต้อง", "อะไร", "ได้")
			.doesNotContain("ครับ", "ไหม", "ก็");
		// The abbreviation mark is no word: "โครงการนักส่งเสริมดิจิทัลฯ".
		assertThat(this.analysis.words("โครงการนักส่งเสริมดิจิทัลฯ ฯลฯ")).doesNotContain("ฯ", "ฯลฯ");
	}

	@Test
	void shouldReadSynonymsAndTransliterationsAsTheCanonicalWord() {
		assertThat(this.analysis.words("smart city คืออะไร")).containsExactly("สมาร์ทซิตี้", "อะไร");
		assertThat(this.analysis.words("เมืองอัจฉริยะคืออะไร")).containsExactly("สมาร์ทซิตี้", "อะไร");
		assertThat(this.analysis.words("Boot Camp ออนไลน์หรือออนไซต์")).containsExactly("บูทแคมป์", "ออนไลน์", "หรือ",
				"ออนไซต์");
	}

	@Test
	void shouldReadEnglishInflectionsAsTheirDictionaryWord() {
		// Lucene's KStem: "doing" is "do", "studying" "study", "ambassadors"
		// "ambassador"; the minimal stemmer took only plurals off.
		assertThat(this.analysis.words("what will I be doing")).containsExactly("what", "do");
		assertThat(this.analysis.words("studying ambassadors")).containsExactly("study", "ambassador");
	}

	@Test
	void shouldSplitChatParticlesGluedToTheWordBeforeThem() {
		assertThat(this.analysis.words("สมัครได้มั้ยคะ")).containsExactly("สมัคร", "ได้");
		assertThat(this.analysis.words("ต้องมีพอร์ตป่ะ")).containsExactly("ต้อง", "มี", "พอร์ต");
		assertThat(this.analysis.words("sca คือไรอะ")).containsExactly("sca", "อะไร");
		assertThat(this.analysis.words("ทำไงบ้างงับ")).containsExactly("ทำ", "ยังไง", "บ้าง");
	}

	@Test
	void shouldLeaveWordsThatContainAParticleWhole() {
		assertThat(this.analysis.words("คะแนนเยอะ")).containsExactly("คะแนน", "เยอะ");
		assertThat(this.analysis.words("ไร่นา")).containsExactly("ไร่", "นา");
		assertThat(this.analysis.words("อะไรบ้าง")).containsExactly("อะไร", "บ้าง");
	}

	@Test
	void shouldReadAbbreviatedMonthsAndCommonMisspellings() {
		assertThat(this.analysis.words("ปิดรับ ๒๑ ก.ค. ๒๕๖๕")).containsExactly("ปิดรับ", "21", "กรกฎาคม", "2565");
		assertThat(this.analysis.words("เทศบานตำบล")).containsExactly("เทศบาล", "ตำบล");
		assertThat(this.analysis.words("จะสมักยังไง")).containsExactly("สมัคร", "ยังไง");
	}

	@Test
	void shouldReadLatinSynonymsOnlyAsWholeWords() {
		ThaiAnalysis fees = ThaiAnalysis.builder().synonyms(List.of("ค่าสมัคร", "fee", "fees", "sign up")).build();
		assertThat(fees.words("is there a fee to sign up")).containsExactly("ค่าสมัคร", "ค่าสมัคร");
		assertThat(fees.words("coffee feedback signup")).containsExactly("coffee", "feedback", "signup");
		// Plurals are read as the singular a group lists, and the other way round.
		ThaiAnalysis captains = ThaiAnalysis.builder().synonyms(List.of("กัปตัน", "captain")).build();
		assertThat(captains.words("who are the captains")).containsExactly("who", "กัปตัน");
		assertThat(fees.words("fee fees")).containsExactly("ค่าสมัคร", "ค่าสมัคร");
	}

	@Test
	void shouldExpandRepetitionMarkAndFoldEmphasis() {
		assertThat(this.analysis.words("ตอบเร็วๆ ดีมากกกกก")).containsExactly("ตอบ", "เร็ว", "เร็ว", "ดี", "มาก");
	}

	@Test
	void shouldSegmentBetterThanIcusPlainBreakIteratorOnDomainWords() {
		String text = "บูทแคมป์ของโครงการสมาร์ทซิตี้แอมบาสเดอร์เป็นแบบออนไลน์";
		List<String> ours = this.analysis.segments(text);
		List<String> icu = icuWords(text);
		assertThat(ours).containsExactly("บูทแคมป์", "ของ", "โครงการ", "สมาร์ทซิตี้", "แอมบาสเดอร์", "เป็น", "แบบ",
				"ออนไลน์");
		// ICU's dictionary does not know the loanwords and breaks them into syllables.
		assertThat(icu).doesNotContain("บูทแคมป์", "สมาร์ทซิตี้", "แอมบาสเดอร์").hasSizeGreaterThan(ours.size());
		// Both agree on the everyday words.
		assertThat(icu).contains("ของ", "เป็น", "แบบ", "ออนไลน์");
	}

	@Test
	void shouldGiveInOnePassWhatEachFullChainGives() {
		ThaiAnalysis analysis = ThaiAnalysis.builder()
			.synonyms(List.of("สมาร์ทซิตี้", "smart city", "สมาทซิตี้"))
			.synonyms(List.of("ค่าสมัคร", "fee", "fees", "sign up"))
			.synonyms(List.of("กัปตัน", "captain"))
			.build();
		List<String> texts = List.of("", "ๆ", "สมัครได้มั้ยคะ", "smart city คืออะไร", "Smart  City!!", "smartcity",
				"is there a fee to sign up", "coffee feedback signup", "who are the captains", "fee fees",
				"captain of the smart team", "ตอบเร็วๆ ดีมากกกกก", "ปิดรับ ๒๑ ก.ค. ๒๕๖๕", "What is the program",
				"city smart", "sign", "up", "AAAaaa", "the the the");
		for (String text : texts) {
			// Twice: the second answer is the one the thread remembers.
			for (int i = 0; i < 2; i++) {
				assertThat(analysis.words(text)).as(text).isEqualTo(analysis.wordsInFull(text));
				assertThat(analysis.segments(text)).as(text).isEqualTo(analysis.segmentsInFull(text));
			}
		}
	}

	@Test
	void shouldReturnListsTheCallerMayChange() {
		List<String> words = this.analysis.words("สมัครโครงการ");
		words.add("x");
		assertThat(this.analysis.words("สมัครโครงการ")).containsExactly("สมัคร", "โครงการ");
	}

	static List<String> icuWords(String text) {
		BreakIterator words = BreakIterator.getWordInstance(new ULocale("th"));
		words.setText(text);
		List<String> out = new ArrayList<>();
		for (int start = words.first(),
				end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
			String word = text.substring(start, end).strip();
			if (!word.isEmpty()) {
				out.add(word);
			}
		}
		return out;
	}

}
