package th.or.depa.sca.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.webhook.model.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.depa.sca.bot.session.ConversationSession;
import th.or.depa.sca.bot.session.SessionStore;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.faq.FaqEntry;
import th.or.depa.sca.templates.faq.FaqKnowledgeBase;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Warms the hot path before the instance reports ready: it runs the FAQ's own phrasings,
 * greetings, thanks and stickers through what an event goes through (LINE's JSON, intent
 * recognition, the FAQ, the replies, the session codec) until the JIT has compiled it,
 * sending nothing and storing nothing. Spring Boot turns readiness to
 * {@code ACCEPTING_TRAFFIC} only after the application runners, so a load balancer or
 * Kubernetes sends no traffic to a cold instance.
 */
@Component
class Warmup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(Warmup.class);

	private static final ObjectMapper LINE_JSON = ModelObjectMapper.createNewObjectMapper();

	private static final String CHAT = "Uwarmup000000000000000000000000000";

	private final Inputs inputs;

	private final IdleHandler idle;

	private final SessionStore sessions;

	private final FaqKnowledgeBase knowledge;

	private final WarmupProperties properties;

	private final Clock clock;

	Warmup(Inputs inputs, IdleHandler idle, SessionStore sessions, FaqKnowledgeBase knowledge,
			WarmupProperties properties, ObjectProvider<Clock> clock) {
		this.inputs = inputs;
		this.idle = idle;
		this.sessions = sessions;
		this.knowledge = knowledge;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (this.properties.time().isZero()) {
			return;
		}
		List<String> events = events();
		long started = System.nanoTime();
		long until = started + this.properties.time().toNanos();
		AtomicLong rehearsed = new AtomicLong();
		int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
		try (ExecutorService pool = Executors.newFixedThreadPool(threads,
				Thread.ofPlatform().name("warmup-", 0).factory())) {
			List<Future<?>> runs = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int offset = t * 7;
				runs.add(pool.submit(() -> {
					for (int i = offset; System.nanoTime() < until; i++) {
						rehearse(events.get(i % events.size()));
						rehearsed.incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> run : runs) {
				run.get();
			}
		}
		log.atInfo()
			.setMessage("warmed up")
			.addKeyValue("events", rehearsed.get())
			.addKeyValue("ms", Duration.ofNanos(System.nanoTime() - started).toMillis())
			.log();
	}

	void rehearse(String json) throws Exception {
		Event event = LINE_JSON.readValue(json, Event.class);
		Input input = this.inputs.of(event);
		ConversationSession session = ConversationSession.start();
		Turn turn = new Turn("warmup", CHAT, true, session, Lang.TH, this.clock.instant(), null);
		Decision decision = this.idle.handle(turn, input);
		LINE_JSON.writeValueAsString(decision.messages());
		this.sessions.decode("1\n" + this.sessions.saving(decision.session(), "warmup").json());
	}

	/** LINE text and sticker events of what users send most. */
	private List<String> events() {
		JsonMapper json = JsonMapper.builder().build();
		List<String> texts = new ArrayList<>();
		for (FaqEntry entry : this.knowledge.entries()) {
			texts.addAll(entry.allQuestions());
		}
		texts.addAll(List.of("สวัสดีครับ", "หวัดดีค่ะ", "hello", "ขอบคุณครับ", "ขอบใจจ้า", "thank you", "โอเคครับ",
				"สมัครยังไงคะ", "ค่าสมัครเท่าไหร่", "ยังไม่เข้าใจเลยครับ"));
		List<String> events = new ArrayList<>();
		long timestamp = this.clock.millis();
		for (String text : texts) {
			events.add("{\"type\":\"message\",\"mode\":\"active\",\"timestamp\":" + timestamp
					+ ",\"source\":{\"type\":\"user\",\"userId\":\"" + CHAT + "\"},\"webhookEventId\":\"warmup\","
					+ "\"deliveryContext\":{\"isRedelivery\":false},\"replyToken\":\"warmup\","
					+ "\"message\":{\"id\":\"1\",\"type\":\"text\",\"quoteToken\":\"q\",\"text\":"
					+ json.writeValueAsString(text) + "}}");
		}
		events.add("{\"type\":\"message\",\"mode\":\"active\",\"timestamp\":" + timestamp
				+ ",\"source\":{\"type\":\"user\",\"userId\":\"" + CHAT + "\"},\"webhookEventId\":\"warmup\","
				+ "\"deliveryContext\":{\"isRedelivery\":false},\"replyToken\":\"warmup\","
				+ "\"message\":{\"id\":\"2\",\"type\":\"sticker\",\"packageId\":\"446\",\"stickerId\":\"1988\","
				+ "\"stickerResourceType\":\"STATIC\",\"quoteToken\":\"q\"}}");
		return events;
	}

	/**
	 * The warm-up before the instance reports ready.
	 *
	 * @param time how long it runs, on every core; 0 to start cold
	 */
	@ConfigurationProperties("bot.warmup")
	record WarmupProperties(@DefaultValue("8s") Duration time) {
	}

}
