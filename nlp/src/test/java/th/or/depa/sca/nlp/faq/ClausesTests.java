package th.or.depa.sca.nlp.faq;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClausesTests {

	@Test
	void shouldEndAThaiClauseAtAParticleFollowedByASpace() {
		assertThat(Clauses.split("สวัสดีครับ ผมชื่อต้นนะครับ ปิดรับสมัครวันไหนครับ")).containsExactly("สวัสดีครับ",
				"ผมชื่อต้นนะครับ", "ปิดรับสมัครวันไหนครับ");
	}

	@Test
	void shouldEndAThaiClauseAtAParticleGluedToTheNextQuestion() {
		assertThat(Clauses.split("ใครสมัครได้บ้างคะเสียเงินไหมคะ")).containsExactly("ใครสมัครได้บ้างคะ",
				"เสียเงินไหมคะ");
		assertThat(Clauses.split("สมัครยังไงครับต้องใช้เอกสารอะไรบ้าง")).containsExactly("สมัครยังไงครับ",
				"ต้องใช้เอกสารอะไรบ้าง");
		// Not inside a word, nor between particles.
		assertThat(Clauses.split("ได้คะแนนเท่าไหร่คะ")).containsExactly("ได้คะแนนเท่าไหร่คะ");
		assertThat(Clauses.split("ขอบคุณครับผม")).containsExactly("ขอบคุณครับผม");
		assertThat(Clauses.split("ได้ไหมคะค่ะ")).containsExactly("ได้ไหมคะค่ะ");
	}

	@Test
	void shouldTakeAskingAboutOrAskingToBeToldAsAQuestion() {
		assertThat(Clauses.asks("แล้วขอถามเรื่องเอกสารที่ต้องใช้สมัครด้วยค่ะ")).isTrue();
		assertThat(Clauses.asks("แล้วช่วยบอกวิธีสมัครด้วยค่ะ")).isTrue();
		// "Let me ask two things" announces the questions that follow.
		assertThat(Clauses.asks("ขอถามสองเรื่องครับ")).isFalse();
	}

	@Test
	void shouldEndAClauseBeforeTheNumberOfTheNextListedQuestion() {
		assertThat(Clauses.split("1) how many took part 2) how many projects came out of it"))
			.containsExactly("1) how many took part", "2) how many projects came out of it");
		assertThat(Clauses.split("ขอถาม 1. ปิดรับวันไหน 2. สมัครยังไง")).contains("ปิดรับวันไหน", "สมัครยังไง");
		assertThat(Clauses.split("รุ่น 2 รับกี่คน")).containsExactly("รุ่น 2 รับกี่คน");
	}

	@Test
	void shouldEndAnEnglishSentenceAtAFullStopEvenWithoutACapital() {
		assertThat(Clauses.split("hi admin. i live in nan now. when does it close?")).containsExactly("hi admin.",
				"i live in nan now.", "when does it close?");
	}

	@Test
	void shouldNotSplitAThaiAbbreviation() {
		assertThat(Clauses.split("สมัครสอบ ก.พ. ได้ถึงวันไหน")).containsExactly("สมัครสอบ ก.พ. ได้ถึงวันไหน");
	}

	@Test
	void shouldKeepTheClausesThatAskAndThePhrasesThatAsk() {
		assertThat(Clauses
			.questions(Clauses.split("สวัสดีค่ะ หนูอยู่ลำปางค่ะ เพิ่งเรียนจบ อยากรู้ว่า ต้องสมัครทางไหนคะ"), true))
			.contains("เพิ่งเรียนจบ อยากรู้ว่า ต้องสมัครทางไหนคะ", "ต้องสมัครทางไหนคะ")
			.doesNotContain("สวัสดีค่ะ", "หนูอยู่ลำปางค่ะ");
		assertThat(
				Clauses.questions(Clauses.split("hello. i am Ploy from Phrae. before I apply, is there a fee?"), true))
			.contains("before I apply, is there a fee?", "is there a fee?")
			.doesNotContain("hello.");
	}

	@Test
	void shouldAskAClauseThatStartsWithOrOnlyTogetherWithTheQuestionBeforeIt() {
		assertThat(Clauses.questions(Clauses.split("เด็กม.6 สมัครได้ไหมคะ หรือต้องจบก่อน"), true))
			.contains("เด็กม.6 สมัครได้ไหมคะ", "เด็กม.6 สมัครได้ไหมคะ หรือต้องจบก่อน")
			.doesNotContain("หรือต้องจบก่อน");
		assertThat(Clauses.questions(Clauses.split("is it free? or do we pay for the boot camp?"), true))
			.contains("is it free? or do we pay for the boot camp?")
			.doesNotContain("or do we pay for the boot camp?");
	}

	@Test
	void shouldSplitAShortMessageAtEachPhraseThatAsks() {
		assertThat(Clauses.split("ปิดรับวันไหน สมัครที่ไหนคะ")).containsExactly("ปิดรับวันไหน", "สมัครที่ไหนคะ");
		assertThat(Clauses.split("สนใจโครงการ ปิดรับวันไหน ต้องใช้เอกสารอะไร"))
			.containsExactly("สนใจโครงการ ปิดรับวันไหน", "ต้องใช้เอกสารอะไร");
	}

	@Test
	void shouldReadAบ้างThatClosesAWhoOrWhatAsPartOfItsQuestion() {
		assertThat(Clauses.split("ใครเป็นวิทยากรใน Smart City Boot Camp บ้างคะ"))
			.containsExactly("ใครเป็นวิทยากรใน Smart City Boot Camp บ้างคะ");
		assertThat(Clauses.split("อะไรที่ต้องเตรียม Boot Camp บ้าง")).hasSize(1);
		// After a question with no who or what, a บ้าง asks again.
		assertThat(Clauses.split("ปิดรับเมื่อไหร่ ต้องใช้เอกสารบ้าง")).containsExactly("ปิดรับเมื่อไหร่",
				"ต้องใช้เอกสารบ้าง");
	}

	@Test
	void shouldKeepAPhraseThatDoesNotAskWithTheQuestion() {
		assertThat(Clauses.split("สนใจโครงการ สมัครยังไงคะ")).containsExactly("สนใจโครงการ สมัครยังไงคะ");
		assertThat(Clauses.split("สมัคร smart city ยังไง")).containsExactly("สมัคร smart city ยังไง");
	}

	@Test
	void shouldSplitAnEnglishSentenceThatGoesOnToASecondQuestion() {
		assertThat(Clauses.split("how many ppl u take and how long is it")).containsExactly("how many ppl u take",
				"how long is it");
		assertThat(Clauses.split("is it free and can i apply online?")).containsExactly("is it free",
				"can i apply online?");
		assertThat(Clauses.split("me and my friend want to join")).containsExactly("me and my friend want to join");
		assertThat(Clauses.split("how long does it run, and btw who won the match"))
			.containsExactly("how long does it run", "btw who won the match");
	}

	@Test
	void shouldNotReadTheLettersOfHowManyInsideAboutAsAQuestion() {
		// เกี่ยวกับ (about) has กี่ (how many) inside it: a story clause, not a question.
		assertThat(Clauses.asks("อาจารย์ให้หาข้อมูลโครงการของรัฐที่เกี่ยวกับเมืองอัจฉริยะ")).isFalse();
		assertThat(Clauses.asks("รุ่นนี้รับกี่คนคะ")).isTrue();
		assertThat(Clauses.asks("เกี่ยวกับอะไรคะ")).isTrue();
	}

	@Test
	void shouldNotReadANegatedAnythingOrNotYetAsAQuestion() {
		// "ยังไม่ได้เตรียมอะไรเลย": not prepared anything yet, a story, not a question.
		assertThat(Clauses.asks("ยังไม่ได้เตรียมอะไรเลย กลัวไม่ทัน")).isFalse();
		assertThat(Clauses.asks("ต้องเตรียมอะไรบ้าง")).isTrue();
		assertThat(Clauses.asks("ปิดรับหรือยัง")).isTrue();
	}

	@Test
	void shouldNotAskAPhraseThatOnlyAnnouncesAQuestionFinishedLater() {
		// "อยากทราบว่า … ทั้ง" + "7 คนชื่ออะไรบ้าง": the first phrase alone is no
		// question.
		List<String> asked = Clauses
			.questions(List.of("อยากทราบว่าแอมบาสเดอร์รุ่นแรกที่ได้รางวัลทั้ง 7 คนชื่ออะไรบ้างคะ"), true);
		assertThat(asked).doesNotContain("อยากทราบว่าแอมบาสเดอร์รุ่นแรกที่ได้รางวัลทั้ง");
		assertThat(asked).contains("7 คนชื่ออะไรบ้างคะ");
		assertThat(Clauses.questions(List.of("สวัสดีค่ะ อยากทราบรายละเอียดโครงการ"), true))
			.contains("อยากทราบรายละเอียดโครงการ");
	}

	@Test
	void shouldReadAClauseWithOneAskingPhraseAsOneQuestion() {
		// "อายุ 35 สมัครได้ไหมคะ": one question; its phrase "สมัครได้ไหมคะ" is another
		// reading of it, not a second question.
		List<List<String>> asked = Clauses.asked(List.of("อายุ 35 สมัครได้ไหมคะ", "แล้วเสียเงินไหม"), true);
		assertThat(asked).hasSize(2);
		assertThat(asked.get(0)).first().isEqualTo("อายุ 35 สมัครได้ไหมคะ");
		assertThat(asked.get(0)).contains("สมัครได้ไหมคะ");
		// Two asking phrases in one clause: two questions besides the clause.
		assertThat(Clauses.asked(List.of("สนใจครับ ปิดรับวันไหน สมัครที่ไหนคะ"), true)).hasSize(3);
	}

	@Test
	void shouldReadAnEnglishQuestionAfterTheWordsThatAnnounceItAndASecondOneStartingWithWhether() {
		List<String> clauses = Clauses.split("We read about the program and would like to know how many cities will be"
				+ " selected in round 2, and whether our municipality can take part.");
		assertThat(clauses).hasSize(2);
		assertThat(clauses.get(1)).startsWith("whether");
		List<List<String>> asked = Clauses.asked(clauses, true);
		assertThat(asked.get(0)).contains("how many cities will be selected in round 2");
		// Announcing words that open the clause are left out of a reading too.
		List<String> polite = Clauses
			.split("Hi, I'm a journalist. Could you tell me what the program aims to achieve?");
		assertThat(Clauses.asked(polite, true).get(0)).contains("what the program aims to achieve?");
	}

	@Test
	void shouldNotReadOnlyAFewAsHowMany() {
		// "มีไม่กี่คนเอง": only a few, a story; "กี่คน": how many.
		assertThat(Clauses.asks("เค้าบอกว่ารุ่นเค้ามีไม่กี่คนเอง")).isFalse();
		assertThat(Clauses.asks("รุ่นเค้ามีกี่คน")).isTrue();
		assertThat(Asks.in("มีไม่กี่คนเอง")).isEmpty();
	}

	@Test
	void shouldNotReadNobodyOrNothingAsAQuestion() {
		// "ยังไม่มีใครติดต่อกลับมาเลย": nobody has called back yet, a story.
		assertThat(Clauses.asks("ยังไม่มีใครติดต่อกลับมาเลย")).isFalse();
		assertThat(Clauses.asks("ไม่มีอะไรต้องเตรียม")).isFalse();
		assertThat(Clauses.asks("มีใครติดต่อกลับมาบ้าง")).isTrue();
		assertThat(Clauses.asks("ต้องเตรียมอะไร")).isTrue();
	}

	@Test
	void shouldTellAClauseThatMovesOnToAnotherQuestion() {
		assertThat(Clauses.movesOn("แล้วกี่ปี")).isTrue();
		assertThat(Clauses.movesOn("และต้องใช้เอกสารอะไร")).isTrue();
		assertThat(Clauses.movesOn("also how long is it")).isTrue();
		assertThat(Clauses.movesOn("สมัครยังไง")).isFalse();
		assertThat(Clauses.movesOn("android app?")).isFalse();
	}

	@Test
	void shouldTellAClauseThatAsksOnlyHowToApply() {
		assertThat(Clauses.onlyHowToApply("สมัครยังไงคะ")).isTrue();
		assertThat(Clauses.onlyHowToApply("แล้วสมัครที่ไหน")).isTrue();
		assertThat(Clauses.onlyHowToApply("how do i apply?")).isTrue();
		assertThat(Clauses.onlyHowToApply("สมัครทุนยังไง")).isFalse();
		assertThat(Clauses.onlyHowToApply("how do i apply for a visa")).isFalse();
	}

}
