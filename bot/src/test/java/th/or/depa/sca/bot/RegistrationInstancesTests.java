package th.or.depa.sca.bot;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.or.depa.sca.bot.Chat.Reply;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static th.or.depa.sca.bot.RegistrationTests.SUBMIT;
import static th.or.depa.sca.bot.RegistrationTests.YOUTH_ANSWERS;
import static th.or.depa.sca.bot.WebhookClient.newEventId;
import static th.or.depa.sca.bot.WebhookClient.newUserId;

/**
 * Registration with two bot instances on one Redis, as deployed behind a load balancer: a
 * submission that LINE redelivers and the user taps twice creates one application, a form
 * survives a restart, and the reminder goes out once.
 */
class RegistrationInstancesTests {

	private static final MutableClock CLOCK = new MutableClock(Instant.parse("2022-07-10T03:00:00Z"));

	private static SharedRedis redis;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startSharedRedisAndTwoInstances() throws IOException {
		redis = SharedRedis.start();
		first = start();
		second = start();
	}

	@AfterAll
	static void stopAll() throws IOException {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { first, second }) {
			if (context != null) {
				context.close();
			}
		}
		if (redis != null) {
			redis.close();
		}
	}

	@BeforeEach
	void reset() {
		LineApiStub.reset();
		CLOCK.setBangkok("2022-07-10T10:00:00");
		redis().execute((org.springframework.data.redis.core.RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
	}

	@Test
	void shouldCreateOneApplicationAndOneConfirmationWhateverLineRedeliversAndTheUserTaps() throws Exception {
		String user = newUserId();
		Chat chat = new Chat(client(first), user);
		startYouth(chat);
		Reply summary = RegistrationTests.answerAll(chat, YOUTH_ANSWERS);
		assertThat(summary.hasFlex()).isTrue();
		String eventId = newEventId();
		String token = chat.token();
		String secondToken = chat.token();
		WebhookClient[] instances = { client(first), client(second) };

		// The same submit event delivered three times (LINE retries and redelivers), and
		// a
		// second tap of the button, to both instances at once.
		try (ExecutorService senders = Executors.newFixedThreadPool(4)) {
			List<Future<Integer>> acks = List.of(
					senders.submit(
							() -> instances[0].post(WebhookClient.body(chat.tapEvent(eventId, token, SUBMIT, false)))
								.statusCode()),
					senders
						.submit(() -> instances[1].post(WebhookClient.body(chat.tapEvent(eventId, token, SUBMIT, true)))
							.statusCode()),
					senders
						.submit(() -> instances[0].post(WebhookClient.body(chat.tapEvent(eventId, token, SUBMIT, true)))
							.statusCode()),
					senders.submit(() -> instances[1]
						.post(WebhookClient.body(chat.tapEvent(newEventId(), secondToken, SUBMIT, false)))
						.statusCode()));
			for (Future<Integer> ack : acks) {
				assertThat(ack.get()).isEqualTo(200);
			}
		}

		// Both taps are answered (one confirms, the other tells the application's
		// status); the copies of the first are dropped at intake.
		Reply one = Chat.awaitReply(token);
		Reply other = Chat.awaitReply(secondToken);
		await().pollDelay(Duration.ofMillis(800)).until(() -> true);
		assertThat(redis().keys("sca:app:rec:*")).containsExactly("sca:app:rec:SCA2-Y-000001");
		assertThat(List.of(one.last(), other.last()))
			.anySatisfy((text) -> assertThat(text).contains("SCA2-Y-000001").startsWith("ใบสมัครของบัญชี LINE นี้"));
		List<String> confirmations = sentTo(user).stream()
			.filter((body) -> body.contains("ส่งใบสมัครเรียบร้อยแล้ว"))
			.toList();
		assertThat(confirmations).hasSize(1);
		assertThat(confirmations.get(0)).contains("SCA2-Y-000001");
		assertThat(LineApiStub.requests(LineApiStub.PUSH)).isEmpty();
	}

	@Test
	void shouldResumeAFormAfterTheBotRestartsMidForm() {
		String user = newUserId();
		ConfigurableApplicationContext before = start();
		try {
			Chat chat = new Chat(client(before), user);
			startYouth(chat);
			RegistrationTests.answerAll(chat, YOUTH_ANSWERS.subList(0, 4));
		}
		finally {
			before.close();
		}
		ConfigurableApplicationContext after = start();
		try {
			Chat chat = new Chat(client(after), user);
			assertThat(chat.say(YOUTH_ANSWERS.get(4)).last()).startsWith("(6/11) อีเมล");
			Reply summary = RegistrationTests.answerAll(chat, YOUTH_ANSWERS.subList(5, YOUTH_ANSWERS.size()));
			assertThat(summary.all()).contains(RegistrationTests.NAME, "5 มีนาคม 2545", "x-xxxx-xxxxx-01-3");
			assertThat(chat.tap(SUBMIT).last()).contains("SCA2-Y-000001");
		}
		finally {
			after.close();
		}
	}

	@Test
	void shouldRemindAnUnfinishedFormOnceADayBeforeTheCloseWithTwoInstancesRunning() {
		CLOCK.setBangkok("2022-07-20T20:00:00");
		String waiting = newUserId();
		Chat chat = new Chat(client(first), waiting);
		startYouth(chat);
		RegistrationTests.answerAll(chat, YOUTH_ANSWERS.subList(0, 2));
		String finished = newUserId();
		Chat done = new Chat(client(second), finished);
		startYouth(done);
		RegistrationTests.answerAll(done, YOUTH_ANSWERS);
		done.tap(SUBMIT);
		assertThat(pushesTo(waiting)).isEmpty();

		// A day before the close: both instances check every 200 ms.
		CLOCK.setBangkok("2022-07-21T09:00:00");

		await().atMost(BotTestSupport.PATIENCE).until(() -> pushesTo(waiting).size() == 1);
		await().during(Duration.ofSeconds(2)).until(() -> pushesTo(waiting).size() == 1);
		assertThat(pushesTo(waiting).get(0)).contains("ยังกรอกไม่เสร็จ", "21 กรกฎาคม 2565");
		assertThat(pushesTo(finished)).isEmpty();
	}

	@Test
	void shouldEraseApplicationsOnceTheirRetentionIsOverAndNotBefore() {
		String user = newUserId();
		Chat chat = new Chat(client(first), user);
		startYouth(chat);
		RegistrationTests.answerAll(chat, YOUTH_ANSWERS);
		chat.tap(SUBMIT);
		String record = "sca:app:rec:SCA2-Y-000001";
		assertThat(redis().opsForHash().hasKey(record, "answers")).isTrue();

		// 24 months after the close (the end of 21 July 2022), and not a second before.
		CLOCK.setBangkok("2024-07-21T23:59:59");
		await().during(Duration.ofSeconds(1)).until(() -> redis().opsForHash().hasKey(record, "answers"));
		CLOCK.setBangkok("2024-07-22T00:00:00");

		await().atMost(BotTestSupport.PATIENCE).until(() -> !redis().opsForHash().hasKey(record, "answers"));
		assertThat(redis().opsForHash().entries(record)).containsEntry("status", "submitted")
			.containsEntry("province", "เชียงราย")
			.containsKey("erasedAt")
			.doesNotContainKeys("user", "uniq");
		assertThat(redis().keys("sca:app:user:*")).isEmpty();
	}

	private static void startYouth(Chat chat) {
		chat.say("สมัคร");
		chat.tap(RegistrationTests.YOUTH);
		chat.tap(RegistrationTests.AGREE);
	}

	/** Everything LINE was asked to send this user, by reply or push. */
	private static List<String> sentTo(String user) {
		List<String> sent = new java.util.ArrayList<>();
		for (LoggedRequest request : LineApiStub.requests(LineApiStub.REPLY)) {
			if (request.getBodyAsString().contains("x" + user.substring(1, 9) + "\"")) {
				sent.add(request.getBodyAsString());
			}
		}
		sent.addAll(pushesTo(user));
		return sent;
	}

	private static List<String> pushesTo(String user) {
		return LineApiStub.requests(LineApiStub.PUSH)
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.filter((body) -> body.contains("\"to\":\"" + user + "\""))
			.toList();
	}

	private static StringRedisTemplate redis() {
		return first.getBean(StringRedisTemplate.class);
	}

	private static ConfigurableApplicationContext start() {
		return redis.instance(CLOCK, "--bot.registration.reminder-check=200ms",
				"--bot.registration.retention-check=200ms");
	}

	private static WebhookClient client(ConfigurableApplicationContext context) {
		return SharedRedis.client(context);
	}

}
