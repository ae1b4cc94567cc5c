package th.or.depa.sca.nlp.faq;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExistenceTests {

	@Test
	void shouldReadWhatAThaiQuestionAsksWhetherThereIs() {
		assertThat(Existence.in("boot camp มี buffet ไหมคะ")).containsExactly("buffet");
		assertThat(Existence.in("บูทแคมป์มีแบบออนไลน์ด้วยมั้ยคะ")).containsExactly("แบบออนไลน์");
		assertThat(Existence.in("มีพี่เลี้ยงไหม แล้วมีเงินเดือนหรือเปล่า")).containsExactly("พี่เลี้ยง", "เงินเดือน");
	}

	@Test
	void shouldReadWhatAnEnglishQuestionAsksWhetherThereIs() {
		assertThat(Existence.in("is there a LINE sticker set for smart city ambassadors"))
			.containsExactly("line sticker set");
		assertThat(Existence.in("Are there any fees?")).containsExactly("fees");
	}

	@Test
	void shouldReadNoThingInOtherQuestions() {
		// "ไม่มี" says what the asker lacks; the question is whether they may apply.
		assertThat(Existence.in("ไม่มีวุฒิ สมัครได้ไหม")).isEmpty();
		assertThat(Existence.in("เข้าโครงการแล้วมีกิจกรรมอะไรบ้าง")).isEmpty();
		assertThat(Existence.in("what is there to do")).isEmpty();
	}

}
