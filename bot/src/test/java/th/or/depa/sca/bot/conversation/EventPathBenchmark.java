package th.or.depa.sca.bot.conversation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import th.or.depa.sca.bot.BotApplication;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * CPU per event of the bot's own work once an event is taken from its queue, in the whole
 * application context: LINE's event JSON parsed, the command check, the FAQ (or the
 * greeting, thanks, sticker reply), the reply messages written as LINE JSON, the session
 * written and read back. Redis round trips and the HTTP call to LINE are I/O and are in
 * the load test, not here. The messages are the evaluation set's questions, most of them
 * varied with a particle, a name or a number as chat is, plus greetings, thanks and
 * stickers.
 */
@State(Scope.Benchmark)
@BenchmarkMode({ Mode.AverageTime, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xmx256m", "-XX:+UseParallelGC" })
public class EventPathBenchmark {

	private static final String[] PARTICLES = { "", " ครับ", " ค่ะ", " คะ", " นะครับ", " จ้า", " อ่ะ", "??" };

	private static final String[] NAMES = { "", "ผม", "หนู", "น้องมายด์ ", "พี่ครับ ", "สวัสดีค่ะ " };

	private ConfigurableApplicationContext context;

	private th.or.depa.sca.bot.conversation.Warmup rehearsal;

	private List<String> events;

	private int next;

	@Setup(Level.Trial)
	public void start() throws IOException {
		this.context = new SpringApplicationBuilder(BotApplication.class).run("--bot.mode=simulator", "--server.port=0",
				"--server.address=127.0.0.1", "--management.server.port=0", "--bot.warmup.time=0s",
				"--bot.embedded-redis.dir=target/jmh-redis", "--logging.level.root=WARN",
				"--bot.data.simulator-key-file=target/jmh-redis/keys.properties");
		this.rehearsal = this.context.getBean(th.or.depa.sca.bot.conversation.Warmup.class);
		this.events = events(texts());
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public void handleOneEvent() throws Exception {
		String event = this.events.get(this.next);
		this.next = (this.next + 1 == this.events.size()) ? 0 : this.next + 1;
		this.rehearsal.rehearse(event);
	}

	/** The evaluation questions, most varied as chat varies them, and small talk. */
	static List<String> texts() throws IOException {
		Path eval = Path.of("../templates/src/test/resources/faq/eval.tsv");
		List<String> questions = new ArrayList<>();
		for (String line : Files.readAllLines(eval, StandardCharsets.UTF_8)) {
			String[] columns = line.split("\t");
			if (line.startsWith("#") || columns.length < 3 || columns[0].equals("expected")) {
				continue;
			}
			questions.add(columns[2]);
		}
		Random random = new Random(7);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 4000; i++) {
			String question = questions.get(random.nextInt(questions.size()));
			texts.add(switch (i % 10) {
				case 0 -> question;
				case 1 -> "สวัสดีครับ" + PARTICLES[random.nextInt(PARTICLES.length)];
				case 2 -> "ขอบคุณ" + PARTICLES[random.nextInt(PARTICLES.length)];
				default -> NAMES[random.nextInt(NAMES.length)] + question + PARTICLES[random.nextInt(PARTICLES.length)]
						+ ((i % 7 == 0) ? " " + (1 + random.nextInt(30)) : "");
			});
		}
		return texts;
	}

	static List<String> events(List<String> texts) {
		JsonMapper json = JsonMapper.builder().build();
		List<String> events = new ArrayList<>();
		int n = 0;
		for (String text : texts) {
			String user = "U" + String.format("%032x", n % 1000);
			String content = (n % 20 == 19)
					? "{\"id\":\"" + n + "\",\"type\":\"sticker\",\"packageId\":\"446\",\"stickerId\":\"1988\","
							+ "\"stickerResourceType\":\"STATIC\",\"quoteToken\":\"q\"}"
					: "{\"id\":\"" + n + "\",\"type\":\"text\",\"quoteToken\":\"q\",\"text\":"
							+ json.writeValueAsString(text) + "}";
			events.add("{\"type\":\"message\",\"mode\":\"active\",\"timestamp\":1764547200000,\"source\":{\"type\":"
					+ "\"user\",\"userId\":\"" + user + "\"},\"webhookEventId\":\"01J" + n + "\","
					+ "\"deliveryContext\":{\"isRedelivery\":false},\"replyToken\":\"r" + n + "\",\"message\":"
					+ content + "}");
			n++;
		}
		return events;
	}

}
