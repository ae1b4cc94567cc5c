package th.or.depa.sca.bot;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import th.or.depa.sca.templates.faq.FaqEntry;
import th.or.depa.sca.templates.faq.FaqKnowledgeBase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static th.or.depa.sca.bot.LineApiStub.REPLY;
import static th.or.depa.sca.bot.WebhookClient.body;
import static th.or.depa.sca.bot.WebhookClient.newEventId;
import static th.or.depa.sca.bot.WebhookClient.newUserId;
import static th.or.depa.sca.bot.WebhookClient.text;

/**
 * Everything the bot says about applying is worked out from the clock when it is said:
 * before round 2 opened, while it was open, and years after it closed (today).
 */
@Import(MutableClock.Config.class)
class ApplyingAnswersTests extends BotTestSupport {

	private static final String NOTIFY = "intent=notify_next_round";

	@Autowired
	private MutableClock clock;

	@Autowired
	private FaqKnowledgeBase knowledge;

	private List<FaqEntry> applyingEntries() {
		List<FaqEntry> entries = this.knowledge.entries().stream().filter(FaqKnowledgeBase::tellsStatus).toList();
		assertThat(entries).extracting(FaqEntry::id)
			.contains("deadline", "how-to-apply", "who-can-apply", "city-apply", "program-what");
		return entries;
	}

	@Test
	void shouldSayEveryApplyingAnswerIsClosedAfterTheCloseAndOfferTheNextRound() {
		this.clock.setBangkok("2026-12-01T10:00:00");
		for (FaqEntry entry : applyingEntries()) {
			for (String lang : new String[] { "th", "en" }) {
				String reply = tap(entry.id(), lang);
				String said = JsonPath.read(reply, "$.messages[0].text");
				assertThat(said).as(entry.id() + " " + lang)
					.contains(
							lang.equals("th") ? "ขณะนี้ปิดรับสมัครแล้ว รุ่นที่ 2 ปิดรับสมัครเมื่อวันที่ 21 กรกฎาคม 2565"
									: "Applications are closed: round 2 closed on 21 July 2022")
					.doesNotContain("เปิดรับสมัครรุ่นที่", "is open for applications", "ภายในวันที่", "before 21");
				assertThat(JsonPath.<List<String>>read(reply, "$.messages[0].quickReply.items[*].action.data"))
					.contains(NOTIFY);
			}
		}
	}

	@Test
	void shouldSayHowManyDaysAreLeftWhileTheRoundIsOpen() {
		this.clock.setBangkok("2022-07-10T10:00:00");
		for (FaqEntry entry : applyingEntries()) {
			String th = tap(entry.id(), "th");
			assertThat((String) JsonPath.read(th, "$.messages[0].text")).as(entry.id())
				.contains("ขณะนี้เปิดรับสมัครรุ่นที่ 2 อยู่ ถึงวันที่ 21 กรกฎาคม 2565 เวลา 23:59 น. (เหลืออีก 12 วัน)");
			assertThat(JsonPath.<List<String>>read(th, "$.messages[0].quickReply.items[*].action.data"))
				.doesNotContain(NOTIFY);
			assertThat((String) JsonPath.read(tap(entry.id(), "en"), "$.messages[0].text")).as(entry.id())
				.contains("Round 2 is open for applications until 21 July 2022, 23:59 Thailand time (12 days left)");
		}
		this.clock.setBangkok("2022-07-21T23:59:59");
		assertThat((String) JsonPath.read(tap("deadline", "th"), "$.messages[0].text")).contains("(เหลืออีก 1 วัน)");
		assertThat((String) JsonPath.read(tap("deadline", "en"), "$.messages[0].text")).contains("(1 day left)");
	}

	@Test
	void shouldSayWhenTheRoundOpensBeforeItDoes() {
		this.clock.setBangkok("2022-07-01T10:00:00");
		for (FaqEntry entry : applyingEntries()) {
			String reply = tap(entry.id(), "th");
			assertThat((String) JsonPath.read(reply, "$.messages[0].text")).as(entry.id())
				.contains("ขณะนี้ยังไม่เปิดรับสมัคร รุ่นที่ 2 จะเปิดรับสมัครวันที่ 4 กรกฎาคม 2565")
				.doesNotContain("ปิดรับสมัครแล้ว");
			assertThat(JsonPath.<List<String>>read(reply, "$.messages[0].quickReply.items[*].action.data"))
				.contains(NOTIFY);
		}
	}

	@Test
	void shouldSayTheTruthAtTheLastSecondOfTheClosingDayAndTheFirstSecondAfter() {
		this.clock.setBangkok("2022-07-21T23:59:59");
		assertThat(say("สมัครได้ถึงเมื่อไหร่")).contains("ขณะนี้เปิดรับสมัครรุ่นที่ 2 อยู่");
		this.clock.setBangkok("2022-07-22T00:00:00");
		assertThat(say("สมัครได้ถึงเมื่อไหร่")).contains("ขณะนี้ปิดรับสมัครแล้ว")
			.doesNotContain("เปิดรับสมัครรุ่นที่ 2 อยู่");
	}

	@ParameterizedTest
	@ValueSource(strings = { "สมัครได้ถึงเมื่อไหร่", "ยังสมัครได้อยู่ไหม", "ปิดรับสมัครหรือยัง", "สมัครยังไง" })
	void shouldNeverInviteToApplyAfterTheClose(String question) {
		this.clock.setBangkok("2026-12-01T10:00:00");

		assertThat(say(question)).contains("ขณะนี้ปิดรับสมัครแล้ว")
			.doesNotContain("เปิดรับสมัครรุ่นที่", "ภายในวันที่");
	}

	@ParameterizedTest
	@ValueSource(strings = { "when is the deadline?", "how do I apply?", "can I still apply?" })
	void shouldAnswerEnglishQuestionsAboutApplyingInEnglishAndTruthfully(String question) {
		this.clock.setBangkok("2026-12-01T10:00:00");

		assertThat(say(question)).contains("Applications are closed").doesNotContain("is open for applications");
	}

	@Test
	void shouldSayTheRegisterCommandIsClosedInTheLanguageItWasTypedIn() {
		this.clock.setBangkok("2026-12-01T10:00:00");

		assertThat(say("สมัคร")).startsWith("ขออภัย รุ่นที่ 2 ปิดรับสมัครไปแล้วเมื่อวันที่ 21 กรกฎาคม 2565");
		assertThat(say("register")).startsWith("Sorry, round 2 applications closed on 21 July 2022");
	}

	@Test
	void shouldTellTheMenusAboutTheProgramWhereApplyingStands() {
		this.clock.setBangkok("2026-12-01T10:00:00");
		String user = newUserId();
		this.webhook.post(body(WebhookClient.event(newEventId(), "postback", "active", WebhookClient.userSource(user),
				"\"replyToken\":\"r-about\",\"postback\":{\"data\":\"action=about\"}")));

		String reply = awaitRequests(REPLY, 1).get(0).getBodyAsString();
		assertThat((String) JsonPath.read(reply, "$.messages[0].text")).contains("ขณะนี้ปิดรับสมัครแล้ว")
			.doesNotContain("เปิดรับสมัครถึง");
		assertThat(JsonPath.<List<String>>read(reply, "$.messages[0].quickReply.items[*].action.data"))
			.contains(NOTIFY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "รุ่น 3 เปิดรับสมัครเมื่อไหร่", "รุ่นที่ 3 รับกี่คน", "round 3 deadline?",
			"รุ่นหน้าเปิดเมื่อไร" })
	void shouldSayARoundThatWasNotAnnouncedWasNotAndOfferTheOptIn(String question) {
		this.clock.setBangkok("2026-12-01T10:00:00");
		String user = newUserId();
		this.webhook.post(body(text(newEventId(), user, question, false)));

		String reply = awaitRequests(REPLY, 1).get(0).getBodyAsString();
		String said = JsonPath.read(reply, "$.messages[0].text");
		assertThat(said).containsAnyOf("ยังไม่มีประกาศรับสมัครรุ่นที่ 3", "Round 3 has not been announced")
			.doesNotContain("21 กรกฎาคม", "21 July", "150");
		assertThat(JsonPath.<List<String>>read(reply, "$.messages[0].quickReply.items[*].action.data"))
			.contains(NOTIFY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "โครงการนักส่งเสริมดิจิทัลพัฒนาเมืองรุ่นใหม่คืออะไรคะ", "เปิดให้คนรุ่นใหม่สมัครใช่ไหม",
			"ผมเป็นรุ่น 12 ของมหาลัย สมัครได้ไหม" })
	void shouldNotTakeTheYoungGenerationOrAnotherIntakeForAnUnannouncedRound(String question) {
		// "รุ่นใหม่" is also "the new generation", in the program's own Thai name.
		this.clock.setBangkok("2026-12-01T10:00:00");

		String said = say(question);

		assertThat(said).doesNotContain("ยังไม่มีประกาศรับสมัครรุ่นที่", "has not been announced");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ใช่", "ไม่", "ok", "โอเคครับ", "555", "👍", "ค่ะ" })
	void shouldAskWhatABareWordMeansInsteadOfGuessingAnAnswer(String word) {
		this.clock.setBangkok("2026-12-01T10:00:00");

		String said = say(word);

		assertThat(said).startsWith("ขออภัย ไม่แน่ใจว่า “" + word + "” หมายถึงอะไร");
		this.knowledge.entries()
			.forEach((entry) -> assertThat(said).doesNotContain(entry.answer().get(th.or.depa.sca.templates.Lang.TH)));
	}

	@Test
	void shouldStoreANextRoundOptInOnlyWithConsentAndDropItOnOptOut() {
		this.clock.setBangkok("2026-12-01T10:00:00");
		String user = newUserId();
		this.webhook.post(body(tapEvent(user, NOTIFY)));
		String notice = JsonPath.read(awaitRequests(REPLY, 1).get(0).getBodyAsString(), "$.messages[0].text");
		assertThat(notice).contains("รหัสผู้ใช้ LINE", "เลิกรับแจ้งเตือน").contains("ตอบ “ใช่” หรือ “ไม่”");
		this.webhook.post(body(text(newEventId(), user, "ไม่", false)));
		assertThat((String) JsonPath.read(awaitRequests(REPLY, 2).get(1).getBodyAsString(), "$.messages[0].text"))
			.startsWith("ไม่เป็นไร");
		assertThat(this.redis.keys("sca:optin:*")).isEmpty();

		this.webhook.post(body(text(newEventId(), user, "แจ้งเตือนรุ่นถัดไป", false)));
		awaitRequests(REPLY, 3);
		this.webhook.post(body(text(newEventId(), user, "ใช่ครับ", false)));
		assertThat((String) JsonPath.read(awaitRequests(REPLY, 4).get(3).getBodyAsString(), "$.messages[0].text"))
			.startsWith("เรียบร้อย");
		assertThat(this.redis.opsForHash().entries("sca:optin:user:" + user)).containsKeys("noticeVersion", "givenAt");

		this.webhook.post(body(text(newEventId(), user, "เลิกรับแจ้งเตือน", false)));
		assertThat((String) JsonPath.read(awaitRequests(REPLY, 5).get(4).getBodyAsString(), "$.messages[0].text"))
			.startsWith("ยกเลิกการแจ้งเตือนรุ่นถัดไปแล้ว");
		assertThat(this.redis.keys("sca:optin:user:*")).isEmpty();
	}

	@Test
	void shouldSayWhereApplyingStandsOnceWhenAMessageAsksTwoThingsAboutApplying() {
		this.clock.setBangkok("2026-12-01T10:00:00");
		String user = newUserId();
		int before = LineApiStub.requests(REPLY).size();
		this.webhook.post(body(text(newEventId(), user, "ปิดรับวันไหน สมัครที่ไหนคะ", false)));
		await().atMost(PATIENCE).until(() -> LineApiStub.requests(REPLY).size() > before);
		List<String> said = JsonPath.read(LineApiStub.requests(REPLY).get(before).getBodyAsString(),
				"$.messages[*].text");
		assertThat(said).hasSizeGreaterThanOrEqualTo(2);
		assertThat(said.get(0)).contains("21 กรกฎาคม 2565");
		assertThat(said.get(1)).contains("Facebook");
		assertThat(String.join("\n", said).split("ขณะนี้ปิดรับสมัครแล้ว", -1)).as("the status, once: %s", said)
			.hasSize(2);
		// LINE shows the quick replies of the last message only: the offer the status
		// sentence mentions is there.
		assertThat(JsonPath.<List<String>>read(LineApiStub.requests(REPLY).get(before).getBodyAsString(),
				"$.messages[-1].quickReply.items[*].action.data"))
			.contains(NOTIFY);
	}

	private String say(String message) {
		String user = newUserId();
		int before = LineApiStub.requests(REPLY).size();
		this.webhook.post(body(text(newEventId(), user, message, false)));
		await().atMost(PATIENCE).until(() -> LineApiStub.requests(REPLY).size() > before);
		return JsonPath.read(LineApiStub.requests(REPLY).get(before).getBodyAsString(), "$.messages[0].text");
	}

	private String tap(String faqId, String lang) {
		String user = newUserId();
		if (lang.equals("en")) {
			this.redis.opsForValue()
				.set("sca:session:" + user, "1\n{\"schema\":2,\"version\":0,\"lang\":\"en\",\"recentEvents\":[]}");
		}
		int before = LineApiStub.requests(REPLY).size();
		this.webhook.post(body(tapEvent(user, "faq=" + faqId)));
		await().atMost(PATIENCE).until(() -> LineApiStub.requests(REPLY).size() > before);
		return LineApiStub.requests(REPLY).get(before).getBodyAsString();
	}

	private static String tapEvent(String user, String data) {
		return WebhookClient.event(newEventId(), "postback", "active", WebhookClient.userSource(user),
				"\"replyToken\":\"r-" + System.nanoTime() + "\",\"postback\":{\"data\":\"" + data + "\"}");
	}

}
