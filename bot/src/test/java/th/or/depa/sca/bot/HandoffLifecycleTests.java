package th.or.depa.sca.bot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import th.or.depa.sca.bot.handoff.HandoffDesk;
import th.or.depa.sca.bot.session.SessionStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static th.or.depa.sca.bot.WebhookClient.newEventId;
import static th.or.depa.sca.bot.WebhookClient.newUserId;

/**
 * A hand-off's records do not outlive it: messages kept once per event, the request
 * closed when the user blocks the bot, and ended with a word to the user when nobody
 * answered in time, even if the user never writes again.
 */
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "bot.handoff.expiry-check=200ms")
class HandoffLifecycleTests extends BotTestSupport {

	@Autowired
	private HandoffDesk desk;

	@Autowired
	private SessionStore sessions;

	@Autowired
	private MutableClock clock;

	@Test
	void shouldKeepAMessageOncePerEventHoweverOftenTheEventIsHandled() {
		String chat = newUserId();
		Instant now = Instant.parse("2026-12-01T03:00:00Z");

		this.desk.keep(chat, "event-1", "ยังรออยู่ค่ะ", now);
		this.desk.keep(chat, "event-1", "ยังรออยู่ค่ะ", now);
		this.desk.keep(chat, "event-2", "[image]", now);

		assertThat(this.desk.waitingMessages(chat)).containsExactly("2026-12-01T03:00:00Z ยังรออยู่ค่ะ",
				"2026-12-01T03:00:00Z [image]");
		// Sealed in Redis: staff tools read them through the desk.
		assertThat(this.redis.opsForList().range("sca:handoff:messages:" + chat, 0, -1)).hasSize(2)
			.allSatisfy((stored) -> assertThat(stored).doesNotContain("ยังรออยู่").doesNotContain("image"));
	}

	@Test
	void shouldCloseTheRequestWhenTheUserBlocksTheBot() {
		this.clock.set(Instant.parse("2026-12-01T03:00:00Z"));
		String user = newUserId();
		new Chat(this.webhook, user).say("คุยกับเจ้าหน้าที่");
		assertThat(this.desk.openChats()).contains(user);

		this.webhook.post(WebhookClient
			.body(WebhookClient.event(newEventId(), "unfollow", "active", WebhookClient.userSource(user), "")));

		await().atMost(PATIENCE).until(() -> !this.desk.openChats().contains(user));
		assertThat(this.sessions.find(user)).isEmpty();
	}

	@Test
	void shouldEndARequestNobodyAnsweredAndTellTheUserEvenIfTheyNeverWriteAgain() {
		this.clock.set(Instant.parse("2026-12-01T03:00:00Z"));
		String user = newUserId();
		new Chat(this.webhook, user).say("คุยกับเจ้าหน้าที่");
		await().during(Duration.ofMillis(600)).until(() -> this.desk.openChats().contains(user));

		this.clock.set(Instant.parse("2026-12-04T03:01:00Z"));

		await().atMost(PATIENCE).until(() -> !this.desk.openChats().contains(user));
		// The request is closed before the user is told: wait for the push, then for a
		// second one that must not come.
		await().atMost(PATIENCE).until(() -> !pushesTo(user).isEmpty());
		await().during(Duration.ofMillis(300)).until(() -> pushesTo(user).size() == 1);
		assertThat(pushesTo(user)).singleElement()
			.satisfies((body) -> assertThat((String) JsonPath.read(body, "$.messages[0].text"))
				.startsWith("ยังไม่มีเจ้าหน้าที่ตอบคำขอ H-"));
		assertThat(this.sessions.find(user).orElseThrow().paused()).isFalse();
	}

	private static List<String> pushesTo(String user) {
		return LineApiStub.requests(LineApiStub.PUSH)
			.stream()
			.map((request) -> request.getBodyAsString())
			.filter((body) -> body.contains("\"to\":\"" + user + "\""))
			.toList();
	}

}
