package th.or.depa.sca.nlp.faq;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoundsAskedTests {

	@Test
	void shouldFindARoundAfterTheNewest() {
		assertThat(RoundsAsked.beyond("รุ่น 3 เปิดรับสมัครเมื่อไหร่", 2, false)).hasValue(3);
		assertThat(RoundsAsked.beyond("รุ่นที่สามรับกี่คน", 2, false)).hasValue(3);
		assertThat(RoundsAsked.beyond("is round 3 gonna be open to foreigners?", 2, false)).hasValue(3);
		assertThat(RoundsAsked.beyond("will there be a 4th round", 2, false)).hasValue(4);
		assertThat(RoundsAsked.beyond("รุ่น 2 ปิดรับวันไหน", 2, false)).isEmpty();
		assertThat(RoundsAsked.beyond("รุ่น 3 ปิดรับวันไหน", 3, false)).isEmpty();
	}

	@Test
	void shouldReadTheNextRoundAsUnannouncedOnlyOnceTheNewestIsOver() {
		assertThat(RoundsAsked.beyond("รุ่นหน้าเปิดเมื่อไหร่คะ", 2, true)).hasValue(3);
		assertThat(RoundsAsked.beyond("when is the next round?", 2, true)).hasValue(3);
		assertThat(RoundsAsked.beyond("รุ่นใหม่จะเปิดรับอีกไหม", 2, true)).hasValue(3);
		assertThat(RoundsAsked.beyond("รุ่นหน้าเปิดเมื่อไหร่คะ", 2, false)).isEmpty();
	}

	@Test
	void shouldNotTakeTheYoungGenerationForARound() {
		// "รุ่นใหม่" is also "the new generation", in the program's own name.
		assertThat(RoundsAsked.beyond("โครงการนักส่งเสริมดิจิทัลพัฒนาเมืองรุ่นใหม่คืออะไรคะ", 2, true)).isEmpty();
		assertThat(RoundsAsked.beyond("เปิดให้คนรุ่นใหม่สมัครใช่ไหม", 2, true)).isEmpty();
		assertThat(RoundsAsked.beyond("เยาวชนรุ่นใหม่ที่อยากกลับบ้านสมัครได้ไหม", 2, true)).isEmpty();
		assertThat(RoundsAsked.beyond("เด็กรุ่นใหม่ทำอะไรในโครงการ", 2, true)).isEmpty();
	}

	@Test
	void shouldNotTakeAnotherIntakeForTheProgramsRound() {
		assertThat(RoundsAsked.beyond("ผมเป็นรุ่น 12 ของมหาลัย สมัครได้ไหม", 2, true)).isEmpty();
		assertThat(RoundsAsked.beyond("ใช้ iPhone รุ่น 15 สมัครได้ไหม", 2, true)).isEmpty();
	}

}
