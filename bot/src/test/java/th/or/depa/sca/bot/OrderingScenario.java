package th.or.depa.sca.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import th.or.depa.sca.store.redis.crypto.PersonalDataSealer;

import org.springframework.data.redis.core.StringRedisTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static th.or.depa.sca.bot.LineApiStub.REPLY;

/**
 * The ordering scenario shared by the single- and multi-instance tests: the answer to
 * "msg-0" is slow, so the user's later events pile up in the chat's queue, which records
 * their arrival order.
 */
final class OrderingScenario {

	private static final Pattern MARKER = Pattern.compile("msg-(\\d+)");

	private OrderingScenario() {
	}

	/** LINE answers msg-0 after slowMillis and every other "msg-" reply after 30 ms. */
	static void stubSlowFirstAnswer(int slowMillis) {
		var line = LineApiStub.server();
		line.stubFor(post(urlEqualTo(REPLY)).atPriority(1)
			.withRequestBody(containing("msg-0”"))
			.willReturn(okJson("{\"sentMessages\":[]}").withFixedDelay(slowMillis)));
		line.stubFor(post(urlEqualTo(REPLY)).atPriority(2)
			.withRequestBody(containing("msg-"))
			.willReturn(okJson("{\"sentMessages\":[]}").withFixedDelay(30)));
	}

	/**
	 * Sends msg-1 to msg-19 of the user all at once, spread over the given bot instances,
	 * and checks each was acknowledged.
	 */
	static void sendTheRestConcurrently(String user, WebhookClient... instances) throws Exception {
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> acks = new ArrayList<>();
		try (ExecutorService senders = Executors.newFixedThreadPool(19)) {
			for (int i = 1; i < 20; i++) {
				WebhookClient instance = instances[i % instances.length];
				String event = WebhookClient
					.body(WebhookClient.text(WebhookClient.newEventId(), user, "msg-" + i, false));
				acks.add(senders.submit(() -> {
					go.await();
					return instance.post(event).statusCode();
				}));
			}
			go.countDown();
			for (Future<Integer> ack : acks) {
				assertThat(ack.get()).isEqualTo(200);
			}
		}
	}

	/** The markers of the chat's queued events, head (the event being handled) first. */
	static List<Integer> arrivalOrder(StringRedisTemplate redis, String user) {
		PersonalDataSealer sealer = new PersonalDataSealer(TestKeys.DATA);
		return redis.opsForList().range("sca:inbox:queue:" + user, 0, -1).stream().map((entry) -> {
			// Entries are "key\nsealed event", sealed for the chat and the key.
			String key = entry.substring(0, entry.indexOf('\n'));
			String event = sealer.open(entry.substring(key.length() + 1), "inbox:" + user + ":" + key);
			Matcher matcher = MARKER.matcher(event);
			return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
		}).toList();
	}

	/**
	 * The replies came in arrival order, each one only after the previous one was
	 * answered.
	 */
	static void assertAnsweredInOrderOneAtATime(List<LoggedRequest> replies, List<Integer> arrival) {
		assertThat(replies.stream().map(LineApiStub::marker).toList()).isEqualTo(arrival);
		for (int i = 1; i < replies.size(); i++) {
			long gap = replies.get(i).getLoggedDate().getTime() - replies.get(i - 1).getLoggedDate().getTime();
			assertThat(gap).as("reply %d started before reply %d was answered", i, i - 1).isGreaterThanOrEqualTo(25);
		}
	}

}
