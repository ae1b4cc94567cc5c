package th.or.depa.sca.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.or.depa.sca.bot.Chat.Reply;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.DataType;

import static org.assertj.core.api.Assertions.assertThat;
import static th.or.depa.sca.bot.WebhookClient.newUserId;

/**
 * Registration by chat, whole conversations through the real webhook (signed events, the
 * embedded Redis, the WireMock LINE API), with the clock inside round 2.
 */
@Import(MutableClock.Config.class)
class RegistrationTests extends BotTestSupport {

	static final String YOUTH = "flow=registration&do=type&arg=youth";

	static final String CITY = "flow=registration&do=type&arg=city";

	static final String AGREE = "flow=registration&do=consent&arg=yes";

	static final String DECLINE = "flow=registration&do=consent&arg=no";

	static final String SUBMIT = "flow=registration&do=submit";

	static final String NATIONAL_ID = "1103702071013";

	static final String NAME = "สมชาย ใจดี";

	static final String MOBILE = "0812345678";

	static final String EMAIL = "somchai.jaidee@example.com";

	/** The youth form's valid answers, in order (taps start with "flow="). */
	static final List<String> YOUTH_ANSWERS = List.of(NAME, "ชาย", "5 มี.ค. 2545", NATIONAL_ID, MOBILE, EMAIL,
			"เชียงราย", "flow=registration&do=choice&arg=occupation:student", "มหาวิทยาลัยแม่ฟ้าหลวง",
			"เทศบาลนครเชียงราย",
			"อยากกลับไปพัฒนาบ้านเกิดให้เป็นเมืองน่าอยู่ ใช้ข้อมูลและเทคโนโลยีช่วยแก้ปัญหาฝุ่นควัน");

	static final List<String> CITY_ANSWERS = List.of("เทศบาลนครขอนแก่น", "ขอนแก่น", "มานี มีนา",
			"ผู้อำนวยการกองยุทธศาสตร์", "043-221-234", "smartcity@khonkaen.example.go.th",
			"เทศบาลมีแผนพัฒนาระบบขนส่งมวลชนอัจฉริยะและศูนย์ข้อมูลเมือง เพื่อให้ประชาชนเข้าถึงบริการได้ง่ายขึ้น");

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void insideRound2() {
		this.clock.setBangkok("2022-07-10T10:00:00");
	}

	@Test
	void shouldRegisterAYoungPersonFromStartToConfirmation() {
		Chat chat = new Chat(this.webhook, newUserId());

		Reply start = chat.say("สมัคร");
		assertThat(start.last()).startsWith("สมัครรุ่นที่ 2 ในนามใคร");
		assertThat(start.buttons()).contains(YOUTH, CITY);
		Reply consent = chat.tap(YOUTH);
		assertThat(consent.last()).contains("วัตถุประสงค์", "ข้อมูลที่เก็บ", "ระยะเวลา", "สิทธิของคุณ");
		assertThat(consent.buttons()).containsExactly(AGREE, DECLINE);
		Reply first = chat.tap(AGREE);
		assertThat(first.last()).startsWith("(1/11) ชื่อและนามสกุลจริง");

		Reply summary = answerAll(chat, YOUTH_ANSWERS);

		assertThat(summary.hasFlex()).isTrue();
		assertThat(summary.all())
			.contains("สรุปใบสมัครเยาวชน รุ่นที่ 2", NAME, "5 มีนาคม 2545", "x-xxxx-xxxxx-01-3", "081-xxx-x678", EMAIL,
					"เชียงราย", "กำลังเรียน", "มหาวิทยาลัยแม่ฟ้าหลวง")
			.doesNotContain(NATIONAL_ID, "081-234-5678");
		assertThat(summary.allData()).contains(SUBMIT, "flow=registration&do=edit&arg=email");

		Reply done = chat.tap(SUBMIT);

		assertThat(done.last()).startsWith("ส่งใบสมัครเรียบร้อยแล้ว เลขที่ใบสมัคร SCA2-Y-000001")
			.contains("10 กรกฎาคม 2565 เวลา 10:00 น.");
		assertThat(this.redis.opsForHash().entries("sca:app:rec:SCA2-Y-000001")).containsEntry("status", "submitted")
			.containsEntry("province", "เชียงราย")
			.containsKey("submittedAt");
		assertThat(chat.say("สถานะใบสมัคร").last()).contains("SCA2-Y-000001", "ส่งแล้ว รอพิจารณา");
	}

	@Test
	void shouldRegisterACityWithItsOfficer() {
		Chat chat = new Chat(this.webhook, newUserId());
		chat.say("สมัคร");
		chat.tap(CITY);
		assertThat(chat.tap(AGREE).last()).startsWith("(1/7) ชื่อเมืองหรือเทศบาลที่สมัคร");

		Reply summary = answerAll(chat, CITY_ANSWERS);

		assertThat(summary.all()).contains("สรุปใบสมัครเมือง รุ่นที่ 2", "เทศบาลนครขอนแก่น", "มานี มีนา",
				"043-xxx-x234");
		assertThat(chat.tap(SUBMIT).last()).startsWith("ส่งใบสมัครเรียบร้อยแล้ว เลขที่ใบสมัคร SCA2-C-000001");
	}

	@Test
	void shouldRepromptEveryYouthFieldSpecificallyThenTakeTheValidAnswer() {
		Chat chat = startYouth();
		List<String> invalid = List.of("สมชาย", "ชาย 55", "31 ก.พ. 2545", "1103702071014", "022345678", "somchai@",
				"แอตแลนติสนคร", "นักบินอวกาศ", "ก", "ก", "อยากพัฒนาเมือง");
		List<String> expected = List.of("ขอเป็นชื่อ (และนามสกุล)", "ขอเป็นชื่อ (และนามสกุล)", "ไม่มีวันที่นี้ในปฏิทิน",
				"เลขตรวจสอบหลักสุดท้ายไม่ตรง", "ข้อนี้ขอเบอร์มือถือ", "อีเมลยังไม่ถูกรูปแบบ", "ไม่พบจังหวัดนี้",
				"กรุณาเลือกจากปุ่มด้านล่าง", "สั้นไปนิด", "สั้นไปนิด", "สั้นไปนิด");
		for (int i = 0; i < YOUTH_ANSWERS.size(); i++) {
			Reply refused = chat.say(invalid.get(i));
			assertThat(refused.texts()).as("field " + (i + 1)).hasSize(2);
			assertThat(refused.texts().get(0)).as("field " + (i + 1)).contains(expected.get(i));
			assertThat(refused.last()).as("field " + (i + 1)).startsWith("(" + (i + 1) + "/");
			answer(chat, YOUTH_ANSWERS.get(i));
		}
		assertThat(chat.tap(SUBMIT).last()).contains("SCA2-Y-");
	}

	@Test
	void shouldRepromptEveryCityFieldSpecificallyThenTakeTheValidAnswer() {
		Chat chat = new Chat(this.webhook, newUserId());
		chat.say("สมัคร");
		chat.tap(CITY);
		chat.tap(AGREE);
		List<String> invalid = List.of("ก", "ไม่มีจังหวัดนี้แน่ๆxyz", "มานี", "ก", "12345", "mail.example.com",
				"ยังไม่มีแผน");
		List<String> expected = List.of("สั้นไปนิด", "ไม่พบจังหวัดนี้", "ขอเป็นชื่อ (และนามสกุล)", "สั้นไปนิด",
				"เบอร์โทรศัพท์", "อีเมลยังไม่ถูกรูปแบบ", "สั้นไปนิด");
		for (int i = 0; i < CITY_ANSWERS.size(); i++) {
			Reply refused = chat.say(invalid.get(i));
			assertThat(refused.texts().get(0)).as("field " + (i + 1)).contains(expected.get(i));
			assertThat(refused.last()).as("field " + (i + 1)).startsWith("(" + (i + 1) + "/7)");
			answer(chat, CITY_ANSWERS.get(i));
		}
		assertThat(chat.tap(SUBMIT).last()).contains("SCA2-C-");
	}

	@Test
	void shouldReadThaiDigitsAndBuddhistEraDates() {
		Chat chat = startYouth();
		answer(chat, NAME);
		answer(chat, "ชาย");
		assertThat(chat.say("๕/๓/๒๕๔๕").last()).startsWith("(4/11) เลขประจำตัวประชาชน");
		assertThat(chat.say("๑-๑๐๓๗-๐๒๐๗๑-๐๑-๓").last()).startsWith("(5/11)");
		assertThat(chat.say("๐๘๑ ๒๓๔ ๕๖๗๘").last()).startsWith("(6/11)");
		for (String rest : YOUTH_ANSWERS.subList(5, YOUTH_ANSWERS.size() - 1)) {
			answer(chat, rest);
		}
		Reply summary = answer(chat, YOUTH_ANSWERS.get(YOUTH_ANSWERS.size() - 1));
		assertThat(summary.all()).contains("5 มีนาคม 2545", "x-xxxx-xxxxx-01-3", "081-xxx-x678");
	}

	@Test
	void shouldTakeADateFromLinesDatePicker() {
		Chat chat = startYouth();
		answer(chat, NAME);
		Reply askDate = chat.say("ชาย");
		assertThat(askDate.last()).startsWith("(3/11) วันเกิด");
		String picker = askDate.buttons().stream().filter((data) -> data.contains("do=date")).findFirst().orElseThrow();
		assertThat(askDate.body()).contains("\"type\":\"datetimepicker\"", "\"mode\":\"date\"");

		assertThat(chat.pickDate(picker, "2002-03-05").last()).startsWith("(4/11) เลขประจำตัวประชาชน");
		assertThat(chat.pickDate(picker, "2030-01-01").last()).startsWith("(4/11)");
	}

	@Test
	void shouldCancelWithConfirmationAndKeepNothing() {
		Chat chat = startYouth();
		answer(chat, NAME);

		Reply asked = chat.say("ยกเลิก");
		assertThat(asked.last()).startsWith("ยกเลิกการสมัครที่กรอกไว้ใช่ไหม");
		Reply kept = chat.say("ไม่");
		assertThat(kept.texts().get(0)).startsWith("ไม่ยกเลิก");
		assertThat(kept.last()).startsWith("(2/11) ชื่อเล่น");
		chat.say("ยกเลิก");
		assertThat(chat.say("ใช่").last()).startsWith("ยกเลิกการสมัครและลบข้อมูลที่กรอกไว้แล้ว");

		assertThat(this.redis.keys("sca:app:*")).isEmpty();
		assertThat(this.redis.opsForZSet().size("sca:reg:drafts:round-2")).isZero();
		assertThat(this.redis.opsForValue().get("sca:session:" + chat.userId())).doesNotContain("registration");
	}

	@Test
	void shouldGoBackToTheQuestionBefore() {
		Chat chat = startYouth();
		answer(chat, NAME);
		answer(chat, "ชาย");

		assertThat(chat.say("ย้อนกลับ").last()).startsWith("(2/11) ชื่อเล่น");
		assertThat(chat.say("ต้น").last()).startsWith("(3/11) วันเกิด");
	}

	@Test
	void shouldEditAnAnswerFromTheSummaryAndComeBackToIt() {
		Chat chat = startYouth();
		answerAll(chat, YOUTH_ANSWERS);

		assertThat(chat.tap("flow=registration&do=edit&arg=email").last()).contains("อีเมลที่ติดต่อได้");
		Reply summary = chat.say("chai@example.org");
		assertThat(summary.all()).contains("chai@example.org").doesNotContain(EMAIL);
		assertThat(chat.say("แก้ไขเบอร์มือถือ").last()).contains("เบอร์โทรศัพท์มือถือ");
		assertThat(chat.say("0898765432").all()).contains("089-xxx-x432");

		assertThat(chat.tap(SUBMIT).last()).contains("SCA2-Y-");
	}

	@Test
	void shouldAnswerAQuestionMidFormThenAskTheSameQuestionAgain() {
		Chat chat = startYouth();
		answer(chat, NAME);
		answer(chat, "ชาย");
		answer(chat, "5 มี.ค. 2545");

		Reply reply = chat.say("ค่าสมัครเท่าไหร่ครับ");

		assertThat(reply.texts()).hasSize(2);
		assertThat(reply.texts().get(0)).contains("ไม่ได้ระบุเรื่องค่าสมัคร");
		assertThat(reply.last()).startsWith("(4/11) เลขประจำตัวประชาชน");
		assertThat(chat.say(NATIONAL_ID).last()).startsWith("(5/11)");
	}

	@Test
	void shouldStoreNothingWhenConsentIsDeclined() {
		Chat chat = new Chat(this.webhook, newUserId());
		chat.say("สมัคร");
		chat.tap(YOUTH);

		assertThat(chat.tap(DECLINE).last()).startsWith("ไม่เป็นไร บอทไม่ได้เก็บข้อมูลใด ๆ ของคุณ");

		assertThat(this.redis.keys("sca:app:*")).isEmpty();
		assertThat(this.redis.keys("sca:reg:*")).isEmpty();
		assertThat(this.redis.opsForValue().get("sca:session:" + chat.userId())).doesNotContain("registration");
	}

	@Test
	void shouldRegisterInEnglishWhenStartedInEnglish() {
		Chat chat = new Chat(this.webhook, newUserId());
		assertThat(chat.say("register").last()).startsWith("Who is applying to round 2?");
		assertThat(chat.tap(YOUTH).last()).contains("Purpose", "What is kept", "How long", "Your rights");
		assertThat(chat.tap(AGREE).last()).startsWith("(1/11) Your full name");
		List<String> answers = new ArrayList<>(YOUTH_ANSWERS);
		answers.set(0, "Somchai Jaidee");
		answers.set(2, "5 March 2002");

		Reply summary = answerAll(chat, answers);

		assertThat(summary.all()).contains("Your young person application, round 2", "Somchai Jaidee", "5 March 2002",
				"Chiang Rai", "Studying");
		assertThat(chat.tap(SUBMIT).last()).startsWith("Your application is submitted. Application number SCA2-Y-");
	}

	@Test
	void shouldRefuseASecondApplicationWithTheSameNationalIdWithoutTellingAnythingAboutTheFirst() {
		Chat first = startYouth();
		answerAll(first, YOUTH_ANSWERS);
		assertThat(first.tap(SUBMIT).last()).contains("SCA2-Y-000001");
		Chat second = startYouth();
		List<String> other = new ArrayList<>(YOUTH_ANSWERS);
		other.set(0, "สมหญิง รักดี");
		other.set(4, "0899999999");
		other.set(5, "somying@example.com");
		answerAll(second, other);

		Reply refused = second.tap(SUBMIT);

		assertThat(refused.last()).startsWith("ขออภัย เลขประจำตัวประชาชนนี้มีใบสมัครในรุ่นนี้แล้ว")
			.doesNotContain("SCA2-Y-000001", NAME, "สมชาย", MOBILE, EMAIL, "0812");
		assertThat(this.redis.keys("sca:app:rec:*")).containsExactly("sca:app:rec:SCA2-Y-000001");
		// The form ends there: other IDs cannot be tried against the refusal.
		assertThat(second.tap(SUBMIT).last()).startsWith("ยังไม่พบใบสมัคร");
		assertThat(first.say("สมัคร").last()).startsWith("สมัครรุ่นที่ 2");
		assertThat(first.tap(YOUTH).last()).contains("ส่งใบสมัครแบบเยาวชนของรุ่นที่ 2 ไว้แล้ว เลขที่ SCA2-Y-000001");
	}

	@Test
	void shouldKeepNoNameIdPhoneOrEmailInClearAnywhereInRedis() {
		Chat chat = startYouth();
		answerAll(chat, YOUTH_ANSWERS.subList(0, 6));
		assertNothingPersonalInRedis();
		answerAll(chat, YOUTH_ANSWERS.subList(6, YOUTH_ANSWERS.size()));
		chat.tap(SUBMIT);

		assertThat(this.redis.keys("sca:app:*")).isNotEmpty();
		assertNothingPersonalInRedis();
	}

	@Test
	void shouldAcceptASubmissionAtTheLastSecondOfTheClosingDayAndRefuseOneASecondLater() {
		this.clock.setBangkok("2022-07-21T23:50:00");
		Chat inTime = startYouth();
		answerAll(inTime, YOUTH_ANSWERS);
		this.clock.setBangkok("2022-07-21T23:59:59");
		assertThat(inTime.tap(SUBMIT).last()).startsWith("ส่งใบสมัครเรียบร้อยแล้ว");

		this.clock.setBangkok("2022-07-21T23:50:00");
		Chat late = startYouth();
		List<String> other = new ArrayList<>(YOUTH_ANSWERS);
		other.set(3, "3102200045674");
		answerAll(late, other);
		this.clock.setBangkok("2022-07-22T00:00:00");

		Reply refused = late.tap(SUBMIT);

		assertThat(refused.last())
			.startsWith("ขออภัย ส่งใบสมัครไม่ได้แล้ว รุ่นที่ 2 ปิดรับสมัครไปเมื่อวันที่ 21 กรกฎาคม 2565 เวลา 23:59 น.");
		assertThat(refused.buttons()).contains("intent=notify_next_round");
		assertThat(this.redis.keys("sca:app:rec:*")).hasSize(1);
	}

	@Test
	void shouldRefuseADraftStartedBeforeTheCloseAndSubmittedDaysAfter() {
		this.clock.setBangkok("2022-07-20T09:00:00");
		Chat chat = startYouth();
		answerAll(chat, YOUTH_ANSWERS);
		this.clock.setBangkok("2022-07-23T09:00:00");

		assertThat(chat.tap(SUBMIT).last()).contains("ปิดรับสมัครไปเมื่อวันที่ 21 กรกฎาคม 2565 เวลา 23:59 น.");
		assertThat(this.redis.keys("sca:app:rec:*")).isEmpty();
		assertThat(chat.say("สมัคร").last()).startsWith("ขออภัย รุ่นที่ 2 ปิดรับสมัครไปแล้ว");
	}

	@Test
	void shouldWithdrawBeforeTheCloseKeepingOnlyAnAnonymousRecord() {
		Chat chat = startYouth();
		answerAll(chat, YOUTH_ANSWERS);
		chat.tap(SUBMIT);

		assertThat(chat.say("ถอนใบสมัคร").last()).startsWith("ถอนใบสมัคร SCA2-Y-000001 ใช่ไหม");
		assertThat(chat.say("ใช่").last()).startsWith("ถอนใบสมัคร SCA2-Y-000001 และลบข้อมูลส่วนตัวในใบสมัครแล้ว");

		Map<Object, Object> tombstone = this.redis.opsForHash().entries("sca:app:rec:SCA2-Y-000001");
		assertThat(tombstone).containsEntry("status", "withdrawn").containsEntry("province", "เชียงราย");
		assertThat(tombstone.get("answers")).isIn(null, "");
		// The anonymous record is no longer linked to the LINE account.
		assertThat(chat.say("สถานะใบสมัคร").last()).startsWith("ยังไม่พบใบสมัคร");
	}

	@Test
	void shouldDeleteDraftsApplicationsOptInsAndHandOffsAndSayWhat() {
		Chat chat = startYouth();
		answerAll(chat, YOUTH_ANSWERS);
		chat.tap(SUBMIT);
		chat.say("คุยกับเจ้าหน้าที่");
		chat.say("ยกเลิก");

		chat.say("ลบข้อมูลของฉัน");
		Reply done = chat.say("ใช่");

		assertThat(done.last()).startsWith("ลบข้อมูลของบัญชี LINE นี้")
			.contains("ใบสมัคร 1 ใบ", "คำขอคุยกับเจ้าหน้าที่");
		assertThat(this.redis.hasKey("sca:session:" + chat.userId())).isFalse();
		assertThat(this.redis.keys("sca:handoff:*:" + chat.userId())).isEmpty();
		assertThat(this.redis.opsForHash().entries("sca:app:rec:SCA2-Y-000001")).containsEntry("status", "withdrawn")
			.doesNotContainValue(chat.userId());
		assertNothingPersonalInRedis();
	}

	@Test
	void shouldOfferStaffAfterThreeMissesOnOneQuestion() {
		Chat chat = startYouth();
		answerAll(chat, YOUTH_ANSWERS.subList(0, 5));

		chat.say("somchai@");
		assertThat(chat.say("somchai at example").buttons()).doesNotContain("intent=talk_to_staff");
		Reply third = chat.say("somchai.example.com");

		assertThat(third.texts().get(0)).contains("อีเมลยังไม่ถูกรูปแบบ", "ข้อนี้ตอบไม่ผ่านหลายครั้งแล้ว");
		assertThat(third.buttons()).contains("intent=talk_to_staff");
		assertThat(third.last()).startsWith("(6/11)");
	}

	@Test
	void shouldConfirmAProvinceGuessedFromATypoOrADistrict() {
		Chat chat = startYouth();
		answerAll(chat, YOUTH_ANSWERS.subList(0, 6));

		Reply guess = chat.say("หาดใหญ่");
		assertThat(guess.last()).isEqualTo("หมายถึงจังหวัดสงขลาใช่ไหม");
		assertThat(chat.say("ใช่").last()).startsWith("(8/11) ตอนนี้กำลังเรียนหรือทำงาน");
		chat.say("ย้อนกลับ");
		assertThat(chat.say("เชียงรย").last()).isEqualTo("หมายถึงจังหวัดเชียงรายใช่ไหม");
		assertThat(chat.say("ไม่").last()).startsWith("(7/11) จังหวัด");
	}

	@Test
	void shouldStartOverOnRequestAndOfferToContinueToAUserWhoComesBack() {
		Chat chat = startYouth();
		answerAll(chat, YOUTH_ANSWERS.subList(0, 3));
		assertThat(chat.say("เริ่มใหม่").last()).startsWith("(1/11) ชื่อและนามสกุลจริง");
		answerAll(chat, YOUTH_ANSWERS.subList(0, 3));

		this.clock.setBangkok("2022-07-10T13:00:00");
		Reply back = chat.say("สวัสดีครับ");

		assertThat(back.last()).startsWith("มีใบสมัครที่กรอกค้างไว้ (ตอบแล้ว 3 จาก 11 ข้อ)");
		assertThat(back.buttons()).containsExactly("flow=registration&do=resume&arg=yes",
				"flow=registration&do=resume&arg=no");
		assertThat(chat.tap("flow=registration&do=resume&arg=yes").last()).startsWith("(4/11) เลขประจำตัวประชาชน");
	}

	@Test
	void shouldDropADraftUntouchedForAWeek() {
		Chat chat = startYouth();
		answerAll(chat, YOUTH_ANSWERS.subList(0, 3));

		this.clock.setBangkok("2022-07-18T10:00:01");

		assertThat(chat.say(NATIONAL_ID).last()).startsWith("ใบสมัครที่กรอกค้างไว้เกิน 7 วันถูกลบแล้ว");
		assertThat(this.redis.opsForValue().get("sca:session:" + chat.userId())).doesNotContain("registration");
		assertThat(chat.say("สมัคร").last()).startsWith("สมัครรุ่นที่ 2 ในนามใคร");
	}

	@Test
	void shouldTakeACityThroughBackQuestionEditAndSubmitInEnglish() {
		Chat chat = new Chat(this.webhook, newUserId());
		chat.say("register city");
		assertThat(chat.tap(AGREE).last()).startsWith("(1/7) The name of the city or municipality");
		answerAll(chat, CITY_ANSWERS.subList(0, 3));
		assertThat(chat.say("back").last()).startsWith("(3/7) The full name of the officer");
		answer(chat, CITY_ANSWERS.get(2));

		Reply question = chat.say("how many cities will be accepted?");
		assertThat(question.texts().get(0)).contains("150 cities");
		assertThat(question.last()).startsWith("(4/7) The officer's position");

		Reply summary = answerAll(chat, CITY_ANSWERS.subList(3, CITY_ANSWERS.size()));
		assertThat(summary.all()).contains("Your city application, round 2", "Khon Kaen", "043-xxx-x234");
		assertThat(chat.say("edit position").last()).contains("The officer's position");
		assertThat(chat.say("นายกเทศมนตรี").all()).contains("นายกเทศมนตรี");

		assertThat(chat.tap(SUBMIT).last())
			.startsWith("Your application is submitted. Application number SCA2-C-000001");
	}

	@Test
	void shouldCancelOrDeclineACityApplicationKeepingNothing() {
		Chat declines = new Chat(this.webhook, newUserId());
		declines.say("สมัคร");
		declines.tap(CITY);
		assertThat(declines.tap(DECLINE).last()).startsWith("ไม่เป็นไร บอทไม่ได้เก็บข้อมูลใด ๆ ของคุณ");
		Chat cancels = new Chat(this.webhook, newUserId());
		cancels.say("สมัคร");
		cancels.tap(CITY);
		cancels.tap(AGREE);
		answerAll(cancels, CITY_ANSWERS.subList(0, 4));

		cancels.say("ยกเลิก");
		assertThat(cancels.tap("flow=registration&do=cancel&arg=yes").last())
			.startsWith("ยกเลิกการสมัครและลบข้อมูลที่กรอกไว้แล้ว");

		assertThat(this.redis.keys("sca:app:*")).isEmpty();
		assertThat(this.redis.opsForZSet().size("sca:reg:drafts:round-2")).isZero();
	}

	@Test
	void shouldTakeTypedAnswersAsPeopleTypeThemWithoutMistakingThemForQuestions() {
		Chat chat = new Chat(this.webhook, newUserId());
		chat.say("อยากสมัครค่ะ");
		chat.say("เยาวชนค่ะ");
		assertThat(chat.say("ยินยอมค่ะ").last()).startsWith("(1/11) ชื่อและนามสกุลจริง");

		Reply notAName = chat.say("เรียนอยู่");
		assertThat(notAName.texts()).hasSize(2);
		assertThat(notAName.texts().get(0)).contains("ขอเป็นชื่อ (และนามสกุล)");
		Reply sentence = chat.say("อยากกลับไปช่วยพัฒนาเมืองโคราชให้เป็นเมืองอัจฉริยะ ด้านการจัดการขยะค่ะ");
		assertThat(sentence.last()).startsWith("(1/11)");
		assertThat(chat.say("นางสาวพลอยไพลิน ใจงาม").last()).startsWith("(2/11) ชื่อเล่น");
		answerAll(chat, YOUTH_ANSWERS.subList(1, 7));

		assertThat(chat.say("ตอนนี้เรียนอยู่ปี 3 ค่ะ").last()).startsWith("(9/11) ชื่อสถานศึกษา");
		chat.say("ย้อนกลับ");
		assertThat(chat.say("เรียนจบแล้วครับ").last()).startsWith("(9/10) เมืองที่อยากกลับไปพัฒนา");
	}

	@Test
	void shouldCountASubmissionFromWhenTheUserTappedNotWhenABusyQueueGotToIt() {
		this.clock.setBangkok("2022-07-21T23:50:00");
		Chat chat = startYouth();
		answerAll(chat, YOUTH_ANSWERS);
		this.clock.setBangkok("2022-07-22T00:00:01");

		Reply done = chat.tapAt(SUBMIT, java.time.Instant.parse("2022-07-21T16:59:58Z"));

		assertThat(done.last()).startsWith("ส่งใบสมัครเรียบร้อยแล้ว เลขที่ใบสมัคร SCA2-Y-");
		assertThat(this.redis.opsForHash().get("sca:app:rec:SCA2-Y-000001", "submittedAt"))
			.isEqualTo("2022-07-21T16:59:58Z");
	}

	@Test
	void shouldTakeAnswersThatStartLikeAnEditCommandAsAnswers() {
		Chat chat = startYouth();
		answer(chat, "แก้วตา ใจดี");
		assertThat(chat.say("แก้ว").last()).startsWith("(3/11) วันเกิด");
		answerAll(chat, YOUTH_ANSWERS.subList(2, 5));
		assertThat(chat.say("edith@example.com").last()).startsWith("(7/11)");
		answerAll(chat, YOUTH_ANSWERS.subList(6, 9));
		assertThat(chat.say("แก้ไขอีเมล").last()).contains("อีเมลที่ติดต่อได้");
	}

	@Test
	void shouldAskTheCurrentQuestionAgainWhenAnEarlierQuestionsButtonIsTapped() {
		Chat chat = startYouth();
		answerAll(chat, YOUTH_ANSWERS.subList(0, 2));
		chat.pickDate("flow=registration&do=date&arg=birthDate", "2002-03-05");

		Reply stale = chat.pickDate("flow=registration&do=date&arg=birthDate", "2001-01-01");

		assertThat(stale.last()).startsWith("(4/11) เลขประจำตัวประชาชน");
		assertThat(chat.say(NATIONAL_ID).last()).startsWith("(5/11)");
		answerAll(chat, YOUTH_ANSWERS.subList(4, YOUTH_ANSWERS.size()));
		assertThat(chat.tap(SUBMIT).last()).contains("SCA2-Y-");
	}

	@Test
	void shouldAnswerHelpAndALanguageChangeMidFormThenAskTheSameQuestion() {
		Chat chat = startYouth();
		answer(chat, NAME);

		Reply help = chat.say("เมนู");
		assertThat(help.hasFlex()).isTrue();
		assertThat(help.last()).startsWith("(2/11) ชื่อเล่น");
		Reply english = chat.say("English");
		assertThat(english.texts().get(0)).startsWith("Switched to English");
		assertThat(english.last()).startsWith("(2/11) Your nickname");
		assertThat(chat.say("ยกเลิกใบสมัคร").last()).startsWith("Cancel this application?");
	}

	@Test
	void shouldNotTakeABarePoliteWordForConsent() {
		Chat chat = new Chat(this.webhook, newUserId());
		chat.say("สมัคร");
		chat.tap(YOUTH);

		assertThat(chat.say("ครับ").last()).startsWith("กรุณาแตะ “ยินยอม”");
		assertThat(this.redis.keys("sca:reg:*")).isEmpty();
	}

	@Test
	void shouldTakeAValidAnswerFromAUserWhoTookLongToWriteIt() {
		Chat chat = startYouth();
		answerAll(chat, YOUTH_ANSWERS.subList(0, 10));
		this.clock.setBangkok("2022-07-10T11:00:00");

		Reply summary = answer(chat, YOUTH_ANSWERS.get(10));

		assertThat(summary.hasFlex()).isTrue();
	}

	@Test
	void shouldRefuseAWithdrawalConfirmedAfterTheClose() {
		this.clock.setBangkok("2022-07-21T23:00:00");
		Chat chat = startYouth();
		answerAll(chat, YOUTH_ANSWERS);
		chat.tap(SUBMIT);
		this.clock.setBangkok("2022-07-21T23:59:30");
		chat.say("ถอนใบสมัคร");
		this.clock.setBangkok("2022-07-22T00:00:10");

		assertThat(chat.say("ใช่").last()).startsWith("รุ่นนี้ปิดรับสมัครแล้ว");
		assertThat(this.redis.opsForHash().get("sca:app:rec:SCA2-Y-000001", "status")).isEqualTo("submitted");
	}

	@Test
	void shouldTakeOneCityOnceHoweverItsKindIsWritten() {
		Chat first = new Chat(this.webhook, newUserId());
		first.say("สมัคร");
		first.tap(CITY);
		first.tap(AGREE);
		answerAll(first, CITY_ANSWERS);
		assertThat(first.tap(SUBMIT).last()).contains("SCA2-C-000001");
		Chat second = new Chat(this.webhook, newUserId());
		second.say("สมัคร");
		second.tap(CITY);
		second.tap(AGREE);
		List<String> same = new ArrayList<>(CITY_ANSWERS);
		same.set(0, "ทน. ขอนแก่น");
		same.set(2, "สมศักดิ์ รักเมือง");
		answerAll(second, same);

		assertThat(second.tap(SUBMIT).last()).startsWith("ขออภัย เมืองนี้มีใบสมัครในรุ่นนี้แล้ว");
	}

	private void assertNothingPersonalInRedis() {
		Set<String> secrets = Set.of(NATIONAL_ID, "1-1037-02071-01-3", MOBILE, "081-234-5678", "+66812345678", EMAIL,
				"สมชาย", "ใจดี", "Somchai");
		for (String key : this.redis.keys("*")) {
			StringBuilder values = new StringBuilder(key);
			DataType type = this.redis.type(key);
			switch (type) {
				case STRING -> values.append(this.redis.opsForValue().get(key));
				case HASH -> values.append(this.redis.opsForHash().entries(key));
				case LIST -> values.append(this.redis.opsForList().range(key, 0, -1));
				case SET -> values.append(this.redis.opsForSet().members(key));
				case ZSET -> values.append(this.redis.opsForZSet().range(key, 0, -1));
				default -> {
				}
			}
			for (String secret : secrets) {
				assertThat(values.toString()).as(key).doesNotContain(secret);
			}
		}
	}

	private Chat startYouth() {
		Chat chat = new Chat(this.webhook, newUserId());
		chat.say("สมัคร");
		chat.tap(YOUTH);
		chat.tap(AGREE);
		return chat;
	}

	/** Answers the questions in order; returns the last reply (the summary). */
	static Reply answerAll(Chat chat, List<String> answers) {
		Reply last = null;
		for (String answer : answers) {
			last = answer(chat, answer);
		}
		return last;
	}

	static Reply answer(Chat chat, String answer) {
		return answer.startsWith("flow=") ? chat.tap(answer) : chat.say(answer);
	}

}
