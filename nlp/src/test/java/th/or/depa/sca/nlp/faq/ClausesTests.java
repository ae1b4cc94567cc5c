package th.or.depa.sca.nlp.faq;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClausesTests {

	@Test
	void shouldEndAThaiClauseAtAParticleFollowedByASpace() {
		assertThat(Clauses.split("สวัสดีครับ ผมชื่อต้นนะครับ ปิดรับสมัครวันไหนครับ")).containsExactly("สวัสดีครับ",
				"ผมชื่อต้นนะครับ", "ปิดรับสมัครวันไหนครับ");
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

}
