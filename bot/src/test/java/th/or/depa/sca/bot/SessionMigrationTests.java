package th.or.depa.sca.bot;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import th.or.depa.sca.bot.handoff.HandoffDesk;
import th.or.depa.sca.bot.session.ConversationSession;
import th.or.depa.sca.bot.session.SessionStore;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static th.or.depa.sca.bot.LineApiStub.REPLY;
import static th.or.depa.sca.bot.WebhookClient.body;
import static th.or.depa.sca.bot.WebhookClient.newEventId;
import static th.or.depa.sca.bot.WebhookClient.newUserId;
import static th.or.depa.sca.bot.WebhookClient.text;

/**
 * Sessions stored by the previous layout (schema 1: a flow name, a step and a bag of
 * strings) are read as schema 2 and carry on where they were.
 */
class SessionMigrationTests extends BotTestSupport {

	@Autowired
	private SessionStore sessions;

	@Autowired
	private HandoffDesk desk;

	@Test
	void shouldReadASessionOfTodaysLayoutBackAsItWasWritten() {
		ConversationSession first = this.sessions
			.decode("3\n" + this.sessions.saving(ConversationSession.start().withLang("en"), "e1").json());
		String stored = "7\n" + this.sessions.saving(first, "e2").json();

		// Today's layout starts with its schema, which the store reads in one pass.
		assertThat(stored).startsWith("7\n{\"schema\":" + ConversationSession.SCHEMA + ",");
		ConversationSession read = this.sessions.decode(stored);
		assertThat(read.version()).isEqualTo(7);
		assertThat(read.lang()).isEqualTo("en");
		assertThat(read.recentEvents()).containsExactly("e1", "e2");
	}

	@Test
	void shouldKeepAChatPausedForStaffUnderTheOldLayoutPaused() {
		String user = newUserId();
		this.redis.opsForValue()
			.set(SessionStore.key(user),
					"3\n{\"schema\":1,\"version\":0,\"flow\":null,\"step\":null,"
							+ "\"values\":{\"handoff.ref\":\"H-ABCDEF\",\"handoff.since\":\"2099-01-01T00:00:00Z\","
							+ "\"lastQuestion\":\"ค่าสมัคร\"},\"lang\":\"en\",\"recentEvents\":[\"e0\"],"
							+ "\"updatedAt\":\"2026-11-30T00:00:00Z\"}");

		ConversationSession read = this.sessions.load(user);
		assertThat(read.schema()).isEqualTo(ConversationSession.SCHEMA);
		assertThat(read.pause().ref()).isEqualTo("H-ABCDEF");
		assertThat(read.lastQuestion()).isEqualTo("ค่าสมัคร");
		assertThat(read.lang()).isEqualTo("en");
		assertThat(read.hasApplied("e0")).isTrue();

		this.webhook.post(body(text(newEventId(), user, "are you there?", false)));

		await().atMost(PATIENCE).until(() -> this.desk.waitingMessages(user).size() == 1);
		assertThat(this.sessions.load(user).pause().ref()).isEqualTo("H-ABCDEF");
	}

	@Test
	void shouldFinishADeleteConfirmationStartedUnderTheOldLayout() {
		String user = newUserId();
		this.redis.opsForValue()
			.set(SessionStore.key(user), "1\n{\"schema\":1,\"version\":0,\"flow\":\"delete\",\"step\":\"confirm\","
					+ "\"values\":{},\"lang\":\"th\",\"recentEvents\":[],\"updatedAt\":null}");

		this.webhook.post(body(text(newEventId(), user, "ใช่", false)));

		assertThat((String) JsonPath.read(awaitRequests(REPLY, 1).get(0).getBodyAsString(), "$.messages[0].text"))
			.startsWith("ลบข้อมูลของบัญชี LINE นี้");
		await().atMost(PATIENCE).until(() -> !Boolean.TRUE.equals(this.redis.hasKey(SessionStore.key(user))));
	}

}
