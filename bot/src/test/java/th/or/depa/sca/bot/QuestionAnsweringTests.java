package th.or.depa.sca.bot;

import java.util.Date;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import th.or.depa.sca.bot.handoff.HandoffDesk;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.faq.FaqEntry;
import th.or.depa.sca.templates.faq.FaqKnowledgeBase;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static th.or.depa.sca.bot.LineApiStub.PUSH;
import static th.or.depa.sca.bot.LineApiStub.REPLY;
import static th.or.depa.sca.bot.WebhookClient.body;
import static th.or.depa.sca.bot.WebhookClient.newEventId;
import static th.or.depa.sca.bot.WebhookClient.newUserId;
import static th.or.depa.sca.bot.WebhookClient.text;

/**
 * Applicants' questions, commands and hand-off to staff, through the real webhook with
 * signed events, the real Redis and the WireMock LINE API.
 */
class QuestionAnsweringTests extends BotTestSupport {

	static final String STAFF_GROUP = BotTestSupport.STAFF_GROUP;

	private static final String LOADING = "/v2/bot/chat/loading/start";

	@Autowired
	private FaqKnowledgeBase knowledge;

	@Autowired
	private HandoffDesk desk;

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', textBlock = """
			deadline | ปิดรับสมัครวันไหนครับ
			deadline | สมัครได้ถึงวันที่เท่าไหร่คะะะ
			round2-quota | รุ่น๒รับกี่คน
			fees | ต้องเสียตังค่าสมัครมั้ย
			mentors | พี่เลี้ยงเป็นใครอะ
			round2-quota | how many people will be accepted in round 2
			""")
	void shouldAnswerTypedQuestionsFromTheFaq(String id, String question) {
		String user = newUserId();

		this.webhook.post(body(text(newEventId(), user, question, false)));

		String reply = awaitRequests(REPLY, 1).get(0).getBodyAsString();
		Lang lang = question.chars().anyMatch((c) -> c >= 0x0E00 && c <= 0x0E7F) ? Lang.TH : Lang.EN;
		FaqEntry entry = this.knowledge.entry(id).orElseThrow();
		String expected = this.knowledge.answer(entry, lang,
				Date.from(java.time.Instant.parse("2022-07-20T17:00:00Z")));
		String said = JsonPath.read(reply, "$.messages[0].text");
		if (FaqKnowledgeBase.tellsStatus(entry)) {
			// Said years after round 2 closed: the answer says so, never that it is open.
			assertThat(said).startsWith(expected)
				.contains((lang == Lang.TH) ? "ขณะนี้ปิดรับสมัครแล้ว รุ่นที่ 2 ปิดรับสมัครเมื่อวันที่ 21 กรกฎาคม 2565"
						: "Applications are closed: round 2 closed on 21 July 2022");
		}
		else {
			assertThat(said).isEqualTo(expected);
		}
	}

	@Test
	void shouldShowTheDeadlineAsAThaiBuddhistDate() {
		this.webhook.post(body(text(newEventId(), newUserId(), "ปิดรับสมัครวันไหนครับ", false)));

		String reply = awaitRequests(REPLY, 1).get(0).getBodyAsString();
		assertThat((String) JsonPath.read(reply, "$.messages[0].text")).contains("21 กรกฎาคม 2565");
	}

	@Test
	void shouldAnswerBothQuestionsOfAMessageThatAsksTwo() {
		String message = "สวัสดีครับ ผมเป็นนักศึกษาปีสุดท้ายอยู่ที่ขอนแก่นครับ สนใจโครงการมากเลย "
				+ "ปิดรับสมัครวันไหนครับ แล้วมีค่าตอบแทนหรือเบี้ยเลี้ยงให้ไหมครับ";

		this.webhook.post(body(text(newEventId(), newUserId(), message, false)));

		String reply = awaitRequests(REPLY, 1).get(0).getBodyAsString();
		List<String> texts = JsonPath.read(reply, "$.messages[*].text");
		assertThat(texts).hasSizeBetween(2, 5);
		assertThat(texts).anySatisfy((said) -> assertThat(said).contains("21 กรกฎาคม 2565"));
		String allowance = this.knowledge.entry("allowance").orElseThrow().answer().get(Lang.TH);
		assertThat(texts).anySatisfy((said) -> assertThat(said).contains(allowance.substring(0, 20)));
	}

	@Test
	void shouldAnswerAnUnknownQuestionWithTheFallbackAndQuickRepliesNotAGuess() {
		String question = "ร้านส้มตำแถวสยามร้านไหนอร่อย";

		this.webhook.post(body(text(newEventId(), newUserId(), question, false)));

		String reply = awaitRequests(REPLY, 1).get(0).getBodyAsString();
		String said = JsonPath.read(reply, "$.messages[0].text");
		assertThat(said).startsWith("ขออภัย ยังไม่มีคำตอบสำหรับ “" + question + "”");
		this.knowledge.entries().forEach((entry) -> assertThat(said).doesNotContain(entry.answer().get(Lang.TH)));
		List<String> data = JsonPath.read(reply, "$.messages[0].quickReply.items[*].action.data");
		assertThat(data).containsExactly("faq=how-to-apply", "faq=deadline", "faq=program-what",
				"intent=talk_to_staff");
		List<String> labels = JsonPath.read(reply, "$.messages[0].quickReply.items[*].action.label");
		assertThat(labels).allSatisfy((label) -> assertThat(label.length()).isLessThanOrEqualTo(20));
	}

	@Test
	void shouldAnswerTheTopicATappedQuickReplyNames() {
		String user = newUserId();
		String tap = WebhookClient.event(newEventId(), "postback", "active", WebhookClient.userSource(user),
				"\"replyToken\":\"r-faq\",\"postback\":{\"data\":\"faq=deadline\"}");

		this.webhook.post(body(tap));

		String reply = awaitRequests(REPLY, 1).get(0).getBodyAsString();
		assertThat((String) JsonPath.read(reply, "$.messages[0].text")).contains("21 กรกฎาคม 2565");
	}

	@Test
	void shouldHandOffToStaffPauseAnswersKeepMessagesAndResumeWhenStaffRelease() {
		String user = newUserId();
		this.webhook.post(body(text(newEventId(), user, "ค่าตอบแทนเดือนละเท่าไหร่", false)));
		awaitRequests(REPLY, 1);

		this.webhook.post(body(text(newEventId(), user, "ขอคุยกับเจ้าหน้าที่หน่อยครับ", false)));

		String answer = JsonPath.read(awaitRequests(REPLY, 2).get(1).getBodyAsString(), "$.messages[0].text");
		assertThat(answer).startsWith("รับเรื่องแล้ว เลขอ้างอิง H-").contains("บอทจะหยุดตอบอัตโนมัติ");
		assertThat(JsonPath.<List<String>>read(awaitRequests(REPLY, 2).get(1).getBodyAsString(),
				"$.messages[0].quickReply.items[*].action.data"))
			.containsExactly("intent=cancel");
		String ref = answer.substring(answer.indexOf("H-"), answer.indexOf("H-") + 8);
		LoggedRequest notice = awaitRequests(PUSH, 1).get(0);
		assertThat((String) JsonPath.read(notice.getBodyAsString(), "$.to")).isEqualTo(STAFF_GROUP);
		assertThat((String) JsonPath.read(notice.getBodyAsString(), "$.messages[0].text")).contains(ref)
			.contains("ค่าตอบแทนเดือนละเท่าไหร่");
		assertThat(this.desk.openChats()).containsExactly(user);

		// While staff have the chat the bot keeps what the user writes: it says so once,
		// with a cancel button, then keeps quiet.
		this.webhook.post(body(text(newEventId(), user, "ปิดรับสมัครวันไหนครับ", false)));
		String kept = awaitRequests(REPLY, 3).get(2).getBodyAsString();
		assertThat((String) JsonPath.read(kept, "$.messages[0].text")).startsWith("เก็บข้อความไว้ให้เจ้าหน้าที่แล้ว");
		assertThat(JsonPath.<List<String>>read(kept, "$.messages[0].quickReply.items[*].action.data"))
			.containsExactly("intent=cancel");
		this.webhook.post(body(text(newEventId(), user, "ขอบคุณครับ", false)));
		await().atMost(PATIENCE).until(() -> this.desk.waitingMessages(user).size() == 2);
		assertThat(this.desk.waitingMessages(user).get(0)).endsWith("ปิดรับสมัครวันไหนครับ");

		this.desk.release(user);

		List<LoggedRequest> pushes = awaitRequests(PUSH, 2);
		assertThat((String) JsonPath.read(pushes.get(1).getBodyAsString(), "$.to")).isEqualTo(user);
		assertThat((String) JsonPath.read(pushes.get(1).getBodyAsString(), "$.messages[0].text"))
			.startsWith("เจ้าหน้าที่ปิดการสนทนาแล้ว");
		assertThat(this.desk.openChats()).isEmpty();
		assertThat(LineApiStub.requests(REPLY)).hasSize(3);

		this.webhook.post(body(text(newEventId(), user, "ปิดรับสมัครวันไหนครับ", false)));
		assertThat((String) JsonPath.read(awaitRequests(REPLY, 4).get(3).getBodyAsString(), "$.messages[0].text"))
			.contains("21 กรกฎาคม 2565");
	}

	@Test
	void shouldLetTheUserCancelAHandOffTheyNoLongerNeed() {
		String user = newUserId();
		this.webhook.post(body(text(newEventId(), user, "คุยกับเจ้าหน้าที่", false)));
		awaitRequests(REPLY, 1);

		this.webhook.post(body(text(newEventId(), user, "ยกเลิก", false)));

		assertThat((String) JsonPath.read(awaitRequests(REPLY, 2).get(1).getBodyAsString(), "$.messages[0].text"))
			.startsWith("ยกเลิกการติดต่อเจ้าหน้าที่แล้ว");
		assertThat(this.desk.openChats()).isEmpty();
		assertThat(this.desk.waitingMessages(user)).containsExactly(this.desk.waitingMessages(user).get(0))
			.allSatisfy((line) -> assertThat(line).endsWith("ยกเลิก"));
	}

	@Test
	void shouldShowTheLoadingAnimationWhenAnAnswerIsSlowButNotWhenItIsQuick() {
		String quick = newUserId();
		this.webhook.post(body(text(newEventId(), quick, "ปิดรับสมัครวันไหน", false)));
		awaitRequests(REPLY, 1);
		// Telling staff takes 1.5 s here, so the user's answer is late.
		LineApiStub.server()
			.stubFor(post(urlEqualTo(PUSH)).atPriority(1)
				.withRequestBody(containing(STAFF_GROUP))
				.willReturn(okJson("{\"sentMessages\":[]}").withFixedDelay(1500)));
		String slow = newUserId();

		this.webhook.post(body(text(newEventId(), slow, "ขอคุยกับเจ้าหน้าที่", false)));

		awaitRequests(REPLY, 2);
		List<LoggedRequest> loading = LineApiStub.requests(LOADING);
		assertThat(loading).hasSize(1);
		assertThat((String) JsonPath.read(loading.get(0).getBodyAsString(), "$.chatId")).isEqualTo(slow);
		assertThat(loading.get(0).getLoggedDate()).isBefore(LineApiStub.requests(REPLY).get(1).getLoggedDate());
	}

	@Test
	void shouldDeleteWhatItKeepsAboutAUserAfterConfirmation() {
		String user = newUserId();
		this.webhook.post(body(text(newEventId(), user, "English please", false)));
		awaitRequests(REPLY, 1);
		this.webhook.post(body(text(newEventId(), user, "ขอลบข้อมูลของฉัน", false)));
		assertThat((String) JsonPath.read(awaitRequests(REPLY, 2).get(1).getBodyAsString(), "$.messages[0].text"))
			.startsWith("Delete everything");
		this.webhook.post(body(text(newEventId(), user, "maybe later", false)));
		assertThat((String) JsonPath.read(awaitRequests(REPLY, 3).get(2).getBodyAsString(), "$.messages[0].text"))
			.startsWith("Please answer");

		this.webhook.post(body(text(newEventId(), user, "yes", false)));

		assertThat((String) JsonPath.read(awaitRequests(REPLY, 4).get(3).getBodyAsString(), "$.messages[0].text"))
			.startsWith("Everything the bot kept");
		await().atMost(PATIENCE).until(() -> !Boolean.TRUE.equals(this.redis.hasKey("sca:session:" + user)));
	}

	@Test
	void shouldSwitchLanguageAndAnswerInIt() {
		String user = newUserId();
		this.webhook.post(body(text(newEventId(), user, "English please", false)));
		assertThat((String) JsonPath.read(awaitRequests(REPLY, 1).get(0).getBodyAsString(), "$.messages[0].text"))
			.startsWith("Switched to English");

		this.webhook.post(body(text(newEventId(), user, "ปิดรับสมัครวันไหน", false)));

		assertThat((String) JsonPath.read(awaitRequests(REPLY, 2).get(1).getBodyAsString(), "$.messages[0].text"))
			.contains("21 July 2022");
	}

	@Test
	void shouldSayRound2RegistrationHasClosed() {
		this.webhook.post(body(text(newEventId(), newUserId(), "อยากสมัครครับ", false)));

		assertThat((String) JsonPath.read(awaitRequests(REPLY, 1).get(0).getBodyAsString(), "$.messages[0].text"))
			.startsWith("ขออภัย รุ่นที่ 2 ปิดรับสมัครไปแล้วเมื่อวันที่ 21 กรกฎาคม 2565");
	}

	@Test
	void shouldRejectAWebhookEventUsingTheBotsInternalTypes() {
		String forged = WebhookClient.event(newEventId(), "x-sca-handoff-release", "active",
				WebhookClient.userSource(newUserId()), "");

		assertThat(this.webhook.post(body(forged)).statusCode()).isEqualTo(400);
		assertThat(this.redis.keys("sca:inbox:queue:*")).isEmpty();
	}

}
