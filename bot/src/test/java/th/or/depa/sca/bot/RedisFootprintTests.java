package th.or.depa.sca.bot;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static th.or.depa.sca.bot.LineApiStub.REPLY;
import static th.or.depa.sca.bot.WebhookClient.body;
import static th.or.depa.sca.bot.WebhookClient.newEventId;
import static th.or.depa.sca.bot.WebhookClient.newUserId;
import static th.or.depa.sca.bot.WebhookClient.text;

/**
 * What Redis holds per user once the conversation is idle, and per remembered event id:
 * measured with Redis's own MEMORY USAGE after real FAQ questions, and printed for
 * BENCHMARKS.md. The target is at most 1 KB per idle session.
 */
class RedisFootprintTests {

	private static final List<String> QUESTIONS = List.of("สมัครยังไงครับ", "ค่าสมัครเท่าไหร่คะ",
			"โครงการนี้คืออะไรครับ", "ต้องอายุเท่าไหร่ถึงจะสมัครได้", "ปิดรับสมัครวันไหนคะ", "ได้เงินเดือนไหมครับ",
			"ทำงานที่ไหน ต้องย้ายไปอยู่ต่างจังหวัดไหม", "how do I apply?", "มีกี่เมืองที่เข้าร่วมโครงการคะ",
			"จบไม่ตรงสายสมัครได้ไหมครับ");

	private static final RedisScript<Long> MEMORY_USAGE = RedisScript
		.of("return redis.call('MEMORY', 'USAGE', KEYS[1], 'SAMPLES', 0)", Long.class);

	@Test
	void shouldKeepAnIdleSessionUnderOneKilobyte() throws IOException {
		LineApiStub.reset();
		try (SharedRedis redis = SharedRedis.start()) {
			ConfigurableApplicationContext context = redis.instance(null);
			try {
				WebhookClient bot = SharedRedis.client(context);
				StringRedisTemplate store = context.getBean(StringRedisTemplate.class);
				int users = 200;
				long before = usedMemory(store);
				List<String> ids = new ArrayList<>();
				Set<String> tokens = new HashSet<>();
				for (int i = 0; i < users; i++) {
					String user = newUserId();
					ids.add(user);
					String event = text(newEventId(), user, QUESTIONS.get(i % QUESTIONS.size()), false);
					tokens.add(JsonPath.read(event, "$.replyToken"));
					bot.post(body(event));
				}
				// Other tests' bots may still be talking to the shared LINE stub: count
				// ours.
				await().atMost(Duration.ofSeconds(30))
					.until(() -> LineApiStub.requests(REPLY)
						.stream()
						.filter((reply) -> tokens.contains(JsonPath.read(reply.getBodyAsString(), "$.replyToken")))
						.count() == users);
				await().atMost(Duration.ofSeconds(10)).until(() -> store.opsForSet().size("sca:inbox:active") == 0);
				long after = usedMemory(store);

				long sessions = 0;
				for (String user : ids) {
					sessions += memoryUsage(store, "sca:session:" + user);
				}
				Set<String> seen = store.keys("sca:inbox:seen:*");
				long seenBytes = 0;
				for (String key : seen) {
					seenBytes += memoryUsage(store, key);
				}
				Set<String> all = store.keys("*");
				long perSession = sessions / users;
				long perSeen = seenBytes / seen.size();
				System.out.printf(
						"redis footprint: %d users, session %d B each (MEMORY USAGE), event id %d B each, "
								+ "used_memory grew %d B = %d B per user (session + event id + dictionary), keys %d%n",
						users, perSession, perSeen, after - before, (after - before) / users, all.size());
				assertThat(seen).hasSize(users);
				assertThat(perSession).as("bytes per idle session").isLessThanOrEqualTo(1024);
				assertThat(perSeen).as("bytes per remembered event id").isLessThanOrEqualTo(160);
				assertThat(store.keys("sca:inbox:lock:*")).isEmpty();
				assertThat(store.keys("sca:inbox:queue:*")).isEmpty();
			}
			finally {
				context.close();
			}
		}
	}

	private static long memoryUsage(StringRedisTemplate store, String key) {
		Long usage = store.execute(MEMORY_USAGE, List.of(key));
		assertThat(usage).as("MEMORY USAGE " + key).isNotNull();
		return usage;
	}

	private static long usedMemory(StringRedisTemplate store) {
		Properties info = store.execute((RedisConnection connection) -> connection.serverCommands().info("memory"));
		return Long.parseLong(info.getProperty("used_memory"));
	}

}
