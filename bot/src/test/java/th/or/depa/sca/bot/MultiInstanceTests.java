package th.or.depa.sca.bot;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.or.depa.sca.bot.session.ConversationSession;
import th.or.depa.sca.bot.session.Pause;
import th.or.depa.sca.bot.session.SessionStore;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static th.or.depa.sca.bot.LineApiStub.REPLY;
import static th.or.depa.sca.bot.WebhookClient.body;
import static th.or.depa.sca.bot.WebhookClient.newEventId;
import static th.or.depa.sca.bot.WebhookClient.newUserId;
import static th.or.depa.sca.bot.WebhookClient.text;

/**
 * Two bot instances sharing one Redis, as in production behind a load balancer.
 */
class MultiInstanceTests {

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
		if (first != null) {
			first.close();
		}
		if (second != null) {
			second.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@BeforeEach
	void reset() {
		LineApiStub.reset();
	}

	@Test
	void shouldKeepOneUsersOrderWhenItsEventsArriveAtBothInstances() throws Exception {
		String user = newUserId();
		OrderingScenario.stubSlowFirstAnswer(1000);
		WebhookClient[] instances = { client(first), client(second) };
		StringRedisTemplate redis = first.getBean(StringRedisTemplate.class);

		instances[0].post(body(text(newEventId(), user, "msg-0", false)));
		await().atMost(BotTestSupport.PATIENCE)
			.until(() -> Boolean.TRUE.equals(redis.hasKey("sca:inbox:lock:" + user)));
		OrderingScenario.sendTheRestConcurrently(user, instances);
		List<Integer> arrival = OrderingScenario.arrivalOrder(redis, user);

		List<LoggedRequest> replies = BotTestSupport.awaitRequests(REPLY, 20);

		assertThat(arrival).hasSize(20);
		OrderingScenario.assertAnsweredInOrderOneAtATime(replies, arrival);
	}

	@Test
	void shouldAnswerEveryUserOnceWhenBothInstancesShareTheLoad() throws Exception {
		List<String> users = new ArrayList<>();
		try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
			List<Future<Integer>> acks = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String user = newUserId();
				users.add(user);
				WebhookClient instance = client((i % 2 == 0) ? first : second);
				String event = body(text(newEventId(), user, "msg-" + i, false));
				acks.add(senders.submit(() -> instance.post(event).statusCode()));
			}
			for (Future<Integer> ack : acks) {
				assertThat(ack.get()).isEqualTo(200);
			}
		}

		List<LoggedRequest> replies = BotTestSupport.awaitRequests(REPLY, 40);

		assertThat(replies.stream().map(LineApiStub::marker).distinct().count()).isEqualTo(40);
		await().during(java.time.Duration.ofMillis(500)).until(() -> LineApiStub.requests(REPLY).size() == 40);
	}

	@Test
	void shouldKeepASessionAcrossARestartAndRefuseAStaleSave() throws IOException {
		String chat = newUserId();
		SessionStore store = first.getBean(SessionStore.class);
		Pause pause = new Pause("H-ABC234", Instant.parse("2026-12-01T03:00:00Z"), false);
		ConversationSession saved = store.save(chat,
				ConversationSession.start().withPause(pause).withLastQuestion("ค่าสมัครเท่าไหร่").withLang("en"),
				"event-1");

		ConfigurableApplicationContext restarted = start();
		try {
			SessionStore afterRestart = restarted.getBean(SessionStore.class);
			ConversationSession loaded = afterRestart.load(chat);
			assertThat(loaded.pause()).isEqualTo(pause);
			assertThat(loaded.lastQuestion()).isEqualTo("ค่าสมัครเท่าไหร่");
			assertThat(loaded.lang()).isEqualTo("en");
			assertThat(loaded.version()).isEqualTo(saved.version()).isEqualTo(1);
			assertThat(loaded.hasApplied("event-1")).isTrue();

			afterRestart.save(chat, loaded.withPause(pause.acknowledge()), "event-2");
			assertThatExceptionOfType(SessionStore.ConcurrentSessionUpdateException.class)
				.isThrownBy(() -> store.save(chat, saved.withPause(null), "event-3"));
			assertThat(store.load(chat).pause().acknowledged()).isTrue();
		}
		finally {
			restarted.close();
		}
	}

	private static ConfigurableApplicationContext start() {
		return redis.instance(null);
	}

	private static WebhookClient client(ConfigurableApplicationContext context) {
		return SharedRedis.client(context);
	}

}
