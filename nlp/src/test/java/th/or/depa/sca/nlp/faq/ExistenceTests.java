package th.or.depa.sca.nlp.faq;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExistenceTests {

	@Test
	void shouldReadWhatAThaiQuestionAsksWhetherThereIs() {
		assertThat(things("boot camp มี buffet ไหมคะ")).containsExactly("buffet");
		assertThat(things("บูทแคมป์มีแบบออนไลน์ด้วยมั้ยคะ")).containsExactly("แบบออนไลน์");
		assertThat(things("มีพี่เลี้ยงไหม แล้วมีเงินเดือนหรือเปล่า")).containsExactly("พี่เลี้ยง", "เงินเดือน");
	}

	@Test
	void shouldReadWhatAnEnglishQuestionAsksWhetherThereIs() {
		assertThat(things("is there a LINE sticker set for smart city ambassadors"))
			.containsExactly("line sticker set");
		assertThat(things("Are there any fees?")).containsExactly("fees");
	}

	@Test
	void shouldReadNoThingInOtherQuestions() {
		// "ไม่มี" says what the asker lacks; the question is whether they may apply.
		assertThat(things("ไม่มีวุฒิ สมัครได้ไหม")).isEmpty();
		assertThat(things("เข้าโครงการแล้วมีกิจกรรมอะไรบ้าง")).isEmpty();
		assertThat(things("what is there to do")).isEmpty();
		assertThat(things("how do i apply")).isEmpty();
	}

	@Test
	void shouldReadWhatOneAppliesToBeOrForByItsFirstWord() {
		assertThat(Existence.in("อยากสมัครเป็น อสม. ต้องไปที่ไหน"))
			.containsExactly(new Existence.Thing("อสม. ต้องไ", true));
		assertThat(Existence.in("how do i apply for a work visa")).containsExactly(new Existence.Thing("visa", true));
		assertThat(Existence.in("can i apply for the program online"))
			.containsExactly(new Existence.Thing("program", true));
		assertThat(Existence.in("สมัครงานเซเว่นต้องอายุเท่าไหร่"))
			.containsExactly(new Existence.Thing("สมัครงาน", false));
		assertThat(Existence.in("ค่าสมัครสอบ TOEIC เท่าไหร่")).containsExactly(new Existence.Thing("สมัครสอบ", false));
		assertThat(Existence.in("how do i register my car online")).containsExactly(new Existence.Thing("car", true));
		assertThat(Existence.in("how do i apply to be a delivery rider"))
			.containsExactly(new Existence.Thing("rider", true));
	}

	@Test
	void shouldReadWhatOneAsksToBeGivenOrShown() {
		assertThat(Existence.in("ขอดูรูปหน่อย")).containsExactly(new Existence.Thing("รูปหน่อย", true));
		assertThat(Existence.in("can u send me the slides")).containsExactly(new Existence.Thing("slides", true));
		// "ของ" (of), thanks, sorry and the words that announce a question ask for
		// nothing.
		assertThat(Existence.in("เพจของโครงการชื่ออะไร ขอบคุณค่ะ ขอโทษนะคะ ขอทราบว่าปิดรับเมื่อไหร่")).isEmpty();
	}

	private static List<String> things(String text) {
		return Existence.in(text).stream().map(Existence.Thing::text).toList();
	}

}
