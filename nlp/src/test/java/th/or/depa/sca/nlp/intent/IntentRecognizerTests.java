package th.or.depa.sca.nlp.intent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import th.or.depa.sca.nlp.segment.ThaiAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class IntentRecognizerTests {

	private static final IntentRecognizer recognizer = IntentRecognizer.standard(ThaiAnalysis.standard());

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			สมัคร | REGISTER |
			อยากสมัครครับ | REGISTER |
			สมัค | REGISTER |
			ลงทะเบียนค่ะ | REGISTER |
			Sign up | REGISTER |
			สมัครแบบเมือง | REGISTER | city
			สมัครเยาวชนค่ะ | REGISTER | youth
			เช็คสถานะใบสมัครหน่อยครับ | STATUS |
			application status | STATUS |
			ส่งอัปเดตประจำสัปดาห์ | WEEKLY_UPDATE |
			weekly update | WEEKLY_UPDATE |
			เมนู | HELP |
			Help! | HELP |
			ขอคุยกับเจ้าหน้าที่หน่อยครับ | TALK_TO_STAFF |
			คุยกับเจ้าหน้าทีได้ไหมคะ | TALK_TO_STAFF |
			talk to a human please | TALK_TO_STAFF |
			ยกเลิก | CANCEL |
			ย้อนกลับค่ะ | BACK |
			ขอลบข้อมูลของฉันด้วยค่ะ | DELETE_MY_DATA |
			delete my data | DELETE_MY_DATA |
			เปลี่ยนภาษา | CHANGE_LANGUAGE |
			English please | CHANGE_LANGUAGE | en
			ภาษาไทยค่ะ | CHANGE_LANGUAGE | th
			สวัสดีครับ | GREETING |
			ขอบคุณมากค่ะ | THANKS |
			""")
	void shouldRecognizeTypedCommands(String text, Intent intent, String argument) {
		assertThat(recognizer.recognize(text)).contains(new IntentMatch(intent, (argument == null) ? "" : argument));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "สมัครยังไงครับ", "ปิดรับสมัครวันไหน", "ต้องเสียค่าสมัครไหม", "เจ้าหน้าที่ตัวแทนเมืองคือใคร",
					"ยกเลิกการสมัครต้องทำยังไง", "how do I apply", "ครับ", "", "โครงการนี้ทำอะไรบ้าง" })
	void shouldLeaveQuestionsToTheFaq(String text) {
		assertThat(recognizer.recognize(text)).isEmpty();
	}

}
