package th.or.depa.sca.bot;

import org.junit.jupiter.api.Test;
import th.or.depa.sca.bot.handoff.HandoffDesk;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static th.or.depa.sca.bot.WebhookClient.newUserId;

/**
 * A deployment with no staff channel configured: asking for staff must not promise an
 * answer nobody will give.
 */
@TestPropertySource(properties = "bot.handoff.staff-group-id=")
class HandoffWithoutStaffTests extends BotTestSupport {

	@Autowired
	private HandoffDesk desk;

	@Test
	void shouldSayHowToReachTheProgramAndKeepAnsweringInsteadOfPromisingStaff() {
		Chat chat = new Chat(this.webhook, newUserId());

		String said = chat.say("ขอคุยกับเจ้าหน้าที่").last();

		assertThat(said).contains("ยังไม่มีเจ้าหน้าที่ประจำแชทนี้", "Facebook: Smart City Thailand Office")
			.doesNotContain("เจ้าหน้าที่จะตอบ", "รับเรื่องแล้ว");
		assertThat(this.desk.openChats()).isEmpty();
		assertThat(LineApiStub.requests(LineApiStub.PUSH)).isEmpty();
		assertThat(chat.say("ปิดรับสมัครวันไหนครับ").last()).contains("21 กรกฎาคม 2565");
	}

}
