package th.or.depa.sca.nlp.faq;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AsksTests {

	@Test
	void shouldReadWhatAThaiQuestionAsksFor() {
		assertThat(Asks.in("สนง.ดีป้าอยู่ที่ไหนครับ")).containsExactly(Asks.PLACE);
		assertThat(Asks.in("ใครเป็นประธานในพิธี")).containsExactly(Asks.PERSON);
		assertThat(Asks.in("ปิดรับสมัครเมื่อไหร่")).containsExactly(Asks.TIME);
		assertThat(Asks.in("รับกี่คน")).containsExactly(Asks.AMOUNT);
		assertThat(Asks.in("มาจากจังหวัดไหนบ้างคะ")).containsExactly(Asks.LIST);
		assertThat(Asks.in("จัดโครงการนี้ขึ้นมาทำไมคะ")).containsExactly(Asks.REASON);
		assertThat(Asks.in("โครงการนี้ทำไปเพื่ออะไร")).containsExactly(Asks.REASON);
	}

	@Test
	void shouldReadWhatAnEnglishQuestionAsksFor() {
		assertThat(Asks.in("where is the depa office")).containsExactly(Asks.PLACE);
		assertThat(Asks.in("งานจัดที่โรงแรมไหนคะ")).containsExactly(Asks.PLACE);
		assertThat(Asks.in("อบรมที่สถานที่อะไรครับ")).containsExactly(Asks.PLACE);
		assertThat(Asks.in("what hotel is it at")).containsExactly(Asks.PLACE);
		assertThat(Asks.in("Who runs it?")).containsExactly(Asks.PERSON);
		assertThat(Asks.in("why does depa run this")).containsExactly(Asks.REASON);
		assertThat(Asks.in("what date does it close")).containsExactly(Asks.TIME);
		assertThat(Asks.in("how many ppl u take")).containsExactly(Asks.AMOUNT);
	}

	@Test
	void shouldReadARankingTheFactsNeverMake() {
		assertThat(Asks.in("โครงการไหนของรุ่น1ได้รางวัลชนะเลิศครับ")).contains(Asks.RANKING);
		assertThat(Asks.in("จังหวัดไหนได้เงินลงทุนมากที่สุด")).contains(Asks.RANKING);
		assertThat(Asks.in("กรุงเทพได้อันดับเท่าไหร่")).contains(Asks.RANKING);
		assertThat(Asks.in("which project got the biggest investment")).contains(Asks.RANKING);
		assertThat(Asks.in("best smart city in the world?")).containsExactly(Asks.RANKING);
		assertThat(Asks.in("รุ่นแรกได้รางวัลดีเด่นกี่คน")).doesNotContain(Asks.RANKING);
	}

	@Test
	void shouldReadAWinnerAsARanking() {
		assertThat(Asks.in("รุ่น 1 จังหวัดไหนได้ที่หนึ่ง")).contains(Asks.RANKING);
		assertThat(Asks.in("เมืองไหนชนะ")).contains(Asks.RANKING);
		assertThat(Asks.in("which city won round 1")).contains(Asks.RANKING);
		assertThat(Asks.in("who took first place")).contains(Asks.RANKING);
		// The first round is no ranking.
		assertThat(Asks.in("รุ่นที่หนึ่งมีกี่คน")).doesNotContain(Asks.RANKING);
		assertThat(Asks.in("ได้ที่ 12 ของประเทศ")).doesNotContain(Asks.RANKING);
	}

	@Test
	void shouldReadAQuestionForANameButNotAWriterIntroducingThemselves() {
		assertThat(Asks.in("พี่เลี้ยงของ จ.อุดรฯ ชื่ออะไร")).containsExactly(Asks.NAME);
		assertThat(Asks.in("ชื่อเต็มของโครงการคืออะไร")).containsExactly(Asks.NAME);
		assertThat(Asks.in("what's the mentor's name")).containsExactly(Asks.NAME);
		assertThat(Asks.in("what are the names of the winners")).contains(Asks.NAME);
		assertThat(Asks.in("ผมชื่อต้นครับ สมัครได้ไหม")).isEmpty();
		assertThat(Asks.in("My name is Ploy, can I apply?")).isEmpty();
		assertThat(Asks.in("ขอรายชื่อเมืองที่ผ่านหน่อย")).containsExactly(Asks.LIST);
	}

	@Test
	void shouldReadAQuestionForAPhoneNumberOrAnEmailAddress() {
		assertThat(Asks.in("ขอเบอร์พี่เลี้ยงประจำจังหวัดหน่อยครับ")).containsExactly(Asks.PHONE);
		assertThat(Asks.in("is there an email address for questions")).containsExactly(Asks.PHONE);
		assertThat(Asks.in("what's the mentor's phone number")).contains(Asks.PHONE);
	}

	@Test
	void shouldReadADateAsATimeNotAnAmount() {
		assertThat(Asks.in("พิธีจัดวันที่เท่าไหร่")).containsExactly(Asks.TIME);
	}

	@Test
	void shouldNotReadAQuestionWordInsideAnotherWord() {
		// เกี่ยว (about) holds the letters of กี่ (how many).
		assertThat(Asks.in("โครงการนี้เกี่ยวกับอะไร")).isEmpty();
		// ทำไม่ (does not do) holds the letters of ทำไม (why).
		assertThat(Asks.in("ถ้าทำไม่เป็นจะมีคนช่วยสอนไหม")).isEmpty();
	}

	@Test
	void shouldReadThaiWhatIsQuestionsAsAskingNoKind() {
		// Thai asks what an organisation is with "who" and "where".
		assertThat(Asks.in("ดีป้าคือใคร")).isEmpty();
		assertThat(Asks.in("สำนักงานส่งเสริมเศรษฐกิจดิจิทัลคือที่ไหน")).isEmpty();
	}

	@Test
	void shouldReadWhenTheyAnnounceWhoGotInAsATime() {
		assertThat(Asks.in("when will u announce who got in")).containsExactly(Asks.TIME);
		// The list announced is when it is announced, not a list asked for.
		assertThat(Asks.in("อีกนานไหมกว่าจะประกาศรายชื่อ")).doesNotContain(Asks.LIST);
		assertThat(Asks.in("ประกาศรายชื่อผู้ผ่านวันไหนคะ")).containsExactly(Asks.TIME);
		assertThat(Asks.in("ขอรายชื่อจังหวัดหน่อย")).contains(Asks.LIST);
		assertThat(Asks.in("ประกาศผลว่าใครผ่านเมื่อไหร่คะ")).containsExactly(Asks.TIME);
		assertThat(Asks.in("who got in?")).containsExactly(Asks.PERSON);
	}

	@Test
	void shouldAskNoKindForAYesNoQuestionOrATopic() {
		assertThat(Asks.in("มีค่าสมัครไหม")).isEmpty();
		assertThat(Asks.in("สมัครยังไง")).isEmpty();
		assertThat(Asks.in("is there a fee")).isEmpty();
	}

	@Test
	void shouldReadUntilWhenAsATimeAndANamesListAsAList() {
		assertThat(Asks.in("till when can ppl apply")).containsExactly(Asks.TIME);
		assertThat(Asks.in("until when is it open")).containsExactly(Asks.TIME);
		assertThat(Asks.in("ขอรายชื่อเมืองที่ผ่านการคัดเลือกหน่อยค่ะ")).containsExactly(Asks.LIST);
		assertThat(Asks.in("i will apply until i get in")).isEmpty();
	}

	@Test
	void shouldReadAQuestionForHowManyHaveAppliedAsAKindOfItsOwn() {
		assertThat(Asks.in("รุ่น 2 มีคนสมัครกี่คนแล้วคะ")).contains(Asks.APPLIED);
		assertThat(Asks.in("ตอนนี้มีผู้สมัครเท่าไหร่แล้วครับ")).contains(Asks.APPLIED);
		assertThat(Asks.in("สมัครมากี่คนแล้ว")).contains(Asks.APPLIED);
		assertThat(Asks.in("คนสมัครเยอะไหมคะ")).contains(Asks.APPLIED);
		assertThat(Asks.in("how many ppl already applied for round 2")).contains(Asks.APPLIED);
		assertThat(Asks.in("how many applicants so far?")).contains(Asks.APPLIED);
		// How many a round takes is the quota, and an applicant's age is asked of them.
		assertThat(Asks.in("รุ่น 2 รับผู้สมัครกี่คน")).doesNotContain(Asks.APPLIED);
		assertThat(Asks.in("รับสมัครกี่คนครับ")).doesNotContain(Asks.APPLIED);
		assertThat(Asks.in("มีผู้สมัครได้กี่คน")).doesNotContain(Asks.APPLIED);
		assertThat(Asks.in("อายุผู้สมัครต้องไม่เกินเท่าไหร่")).doesNotContain(Asks.APPLIED);
		assertThat(Asks.in("ผู้สมัครต้องใช้เอกสารกี่ชุด")).doesNotContain(Asks.APPLIED);
		assertThat(Asks.in("how many applicants will be selected")).doesNotContain(Asks.APPLIED);
		assertThat(Asks.in("how many people can apply")).doesNotContain(Asks.APPLIED);
	}

	@Test
	void shouldReadAnAddressAsAPlace() {
		assertThat(Asks.in("ขอที่อยู่สำนักงานหน่อยครับ")).contains(Asks.PLACE);
		assertThat(Asks.in("ที่อยู่ดีป้าคืออะไร")).contains(Asks.PLACE);
		assertThat(Asks.in("what's depa's office address")).contains(Asks.PLACE);
		// Who lives elsewhere, and what the program addresses, ask for no place.
		assertThat(Asks.in("คนที่อยู่ต่างจังหวัดสมัครได้ไหม")).doesNotContain(Asks.PLACE);
		assertThat(Asks.in("how does the program address city problems")).doesNotContain(Asks.PLACE);
	}

	@Test
	void shouldReadWhoSomeoneNamedByWhatTheyDoIsAsAPerson() {
		assertThat(Asks.in("วิทยากรบูทแคมป์คือใคร")).containsExactly(Asks.PERSON);
		assertThat(Asks.in("ผู้อำนวยการดีป้าคือใครครับ")).containsExactly(Asks.PERSON);
		assertThat(Asks.in("7 คนที่ได้รางวัลดีเด่นเป็นใครบ้าง")).contains(Asks.PERSON, Asks.LIST);
		// What something is stays no kind.
		assertThat(Asks.in("ดีป้าคือใคร")).isEmpty();
	}

	@Test
	void shouldReadAQuestionForALanguageAsAKindOfItsOwn() {
		assertThat(Asks.in("บูทแคมป์ใช้ภาษาอะไรสอน")).contains(Asks.LANGUAGE);
		assertThat(Asks.in("what language is the bootcamp taught in")).contains(Asks.LANGUAGE);
		// The program's name in Thai is asked by name.
		assertThat(Asks.in("ชื่อโครงการภาษาอังกฤษคืออะไร")).doesNotContain(Asks.LANGUAGE);
	}

	@Test
	void shouldReadAQuestionForMoneyBesideTheAmount() {
		assertThat(Asks.in("ดีเด่นได้เงินรางวัลเท่าไหร่คะ")).contains(Asks.MONEY, Asks.AMOUNT);
		assertThat(Asks.in("ค่าสมัครกี่บาท")).contains(Asks.MONEY);
		assertThat(Asks.in("how much is the allowance")).contains(Asks.MONEY);
		// A count, an age or a length of time is no sum of money.
		assertThat(Asks.in("รุ่นแรกมีกี่คน")).doesNotContain(Asks.MONEY);
		assertThat(Asks.in("อายุเท่าไหร่ถึงสมัครได้")).doesNotContain(Asks.MONEY);
		assertThat(Asks.in("how much time does it take")).doesNotContain(Asks.MONEY);
	}

}
