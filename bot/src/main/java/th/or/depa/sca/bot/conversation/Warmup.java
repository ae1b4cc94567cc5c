package th.or.depa.sca.bot.conversation;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.webhook.model.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.depa.sca.bot.BotMode;
import th.or.depa.sca.bot.line.LineMessenger;
import th.or.depa.sca.bot.line.LineProperties;
import th.or.depa.sca.bot.session.ConversationSession;
import th.or.depa.sca.bot.session.SessionStore;
import th.or.depa.sca.nlp.intent.Intent;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.faq.FaqEntry;
import th.or.depa.sca.templates.faq.FaqKnowledgeBase;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Warms the hot path before the instance reports ready: for half of
 * {@code BOT_WARMUP_TIME} it runs the FAQ's own phrasings, greetings, thanks and stickers
 * through the decide path in process on every core (LINE's JSON, intent recognition, the
 * FAQ, the replies, the session codec), then for the other half posts them as signed
 * webhooks of warm-up chats to its own {@code /callback}, so that the request path, the
 * inbox's Redis steps and the dispatcher are compiled too. The webhook half goes on past
 * {@code BOT_WARMUP_TIME} while the JIT compiler is still busy ({@link JitWatch}), up to
 * {@code BOT_WARMUP_MAX_TIME}: on a slow 2-core machine the compiler was still taking a
 * fifth of the bot's CPU half a minute after an 8 s warm-up, and the first traffic paid
 * for it (the local simulator waits only the minimum, unless it is the AOT cache's
 * training run). Nothing is sent to LINE for warm-up chats, and what they stored is
 * removed. Spring Boot turns readiness to {@code ACCEPTING_TRAFFIC} only after the
 * application runners, so a load balancer or Kubernetes sends no traffic to a cold
 * instance.
 */
@Component
class Warmup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(Warmup.class);

	private static final ObjectMapper LINE_JSON = ModelObjectMapper.createNewObjectMapper();

	/**
	 * Warm-up webhooks in flight at once. Measured on 2 cores (BENCHMARKS.md, "A seventh
	 * look"): with 2 or 16 the compiler did not settle within a minute, with 8 it did.
	 */
	private static final int WEBHOOKS_IN_FLIGHT = 8;

	private static final String CHAT = LineMessenger.REHEARSAL_PREFIX + "000000000000000000000000000";

	/** Warm-up chats that register, each taking the form's steps in turn. */
	private static final int FORM_CHATS = 4;

	/**
	 * One webhook in this many is a registration step: a chat's next step then goes out
	 * {@code FORM_EVERY * FORM_CHATS} webhooks after its last, long after that one was
	 * accepted (at most {@link #WEBHOOKS_IN_FLIGHT} are in flight), so the steps of one
	 * chat reach its queue in order.
	 */
	private static final int FORM_EVERY = 10;

	private final Inputs inputs;

	private final IdleHandler idle;

	private final SessionStore sessions;

	private final FaqKnowledgeBase knowledge;

	private final WarmupProperties properties;

	private final LineProperties line;

	private final Environment environment;

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final ConfigurableApplicationContext context;

	Warmup(Inputs inputs, IdleHandler idle, SessionStore sessions, FaqKnowledgeBase knowledge,
			WarmupProperties properties, LineProperties line, Environment environment, StringRedisTemplate redis,
			ObjectProvider<Clock> clock, ConfigurableApplicationContext context) {
		this.context = context;
		this.inputs = inputs;
		this.idle = idle;
		this.sessions = sessions;
		this.knowledge = knowledge;
		this.properties = properties;
		this.line = line;
		this.environment = environment;
		this.redis = redis;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (this.properties.time().isZero()) {
			return;
		}
		List<String> events = events();
		long started = System.nanoTime();
		// First the decide path in process on every core, then the whole pipeline
		// through the webhook.
		long until = started + this.properties.time().toNanos() / 2;
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
		JitWatch jit = JitWatch.ofThisJvm();
		long minimum = started + this.properties.time().toNanos();
		// The local simulator needs no settled compiler, unless it is the AOT cache's
		// training run, whose profiles are the better for it.
		boolean waitForJit = !BotMode.simulator(this.environment) || this.properties.exit();
		long maximum = waitForJit
				? started + Math.max(this.properties.time().toNanos(), this.properties.maxTime().toNanos()) : minimum;
		long posted = throughTheWebhook(events, () -> {
			long now = System.nanoTime();
			return now >= maximum || (now >= minimum && jit.settled(now));
		});
		log.atInfo()
			.setMessage("warmed up")
			.addKeyValue("events", rehearsed.get())
			.addKeyValue("webhooks", posted)
			.addKeyValue("jitSettled", jit.settled(System.nanoTime()))
			.addKeyValue("ms", Duration.ofNanos(System.nanoTime() - started).toMillis())
			.log();
		if (this.properties.exit()) {
			// A training run for the JDK's AOT cache: the cache, written as the JVM
			// exits, then holds the profiles of the warmed paths too.
			log.atInfo().setMessage("warm-up done, exiting as asked (bot.warmup.exit)").log();
			System.exit(SpringApplication.exit(this.context, () -> 0));
		}
	}

	/**
	 * Posts signed webhooks of warm-up chats to this instance's own {@code /callback}, so
	 * that the request path, the inbox's Redis steps and the dispatcher are compiled too;
	 * nothing is sent to LINE for those chats ({@link LineMessenger#isRehearsal}). Texts
	 * that the FAQ answers, and a few chats that fill in the registration form (when a
	 * round is open) up to its summary and then cancel it, which deletes the draft; never
	 * a command that would reach staff, and never a submit. Their sessions and event ids
	 * are removed afterwards.
	 */
	private long throughTheWebhook(List<String> events, BooleanSupplier done) throws Exception {
		String port = this.environment.getProperty("local.server.port");
		if (port == null) {
			return 0;
		}
		String address = this.environment.getProperty("server.address", "");
		String host = (address.isBlank() || address.equals("0.0.0.0") || address.equals("::")) ? "127.0.0.1"
				: (address.contains(":") ? "[" + address + "]" : address);
		URI callback = URI.create("http://" + host + ":" + port + "/callback");
		List<String> answerable = new ArrayList<>();
		for (String event : events) {
			Input input = this.inputs.of(LINE_JSON.readValue(event, Event.class));
			if (input.command().isEmpty() || input.is(Intent.GREETING) || input.is(Intent.THANKS)) {
				answerable.add(event);
			}
		}
		String run = Long.toHexString(System.nanoTime() & 0xffffffffL);
		List<String> chats = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			chats.add(LineMessenger.REHEARSAL_PREFIX + run + "x" + i);
		}
		List<String> form = registration();
		List<String> formChats = new ArrayList<>();
		for (int i = 0; i < FORM_CHATS; i++) {
			formChats.add(LineMessenger.REHEARSAL_PREFIX + run + "f" + i);
		}
		int[] formSteps = new int[FORM_CHATS];
		List<String> ids = new ArrayList<>();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		ArrayDeque<CompletableFuture<?>> inFlight = new ArrayDeque<>();
		try {
			int n = 0;
			for (; !done.getAsBoolean(); n++) {
				String event;
				if (n % FORM_EVERY == FORM_EVERY - 1) {
					int chat = (n / FORM_EVERY) % FORM_CHATS;
					event = form.get(formSteps[chat]++ % form.size()).replace(CHAT, formChats.get(chat));
				}
				else {
					event = answerable.get(n % answerable.size()).replace(CHAT, chats.get(n % chats.size()));
				}
				inFlight.add(post(http, callback, event, run, n, ids));
				if (inFlight.size() >= WEBHOOKS_IN_FLIGHT) {
					inFlight.poll().join();
				}
			}
			inFlight.forEach(CompletableFuture::join);
			// Each registering chat goes on to the end of its script, the cancel that
			// deletes its draft, one step at a time.
			for (int chat = 0; chat < FORM_CHATS; chat++) {
				while (formSteps[chat] % form.size() != 0) {
					String event = form.get(formSteps[chat]++ % form.size()).replace(CHAT, formChats.get(chat));
					post(http, callback, event, run, n++, ids).join();
				}
			}
			chats.addAll(formChats);
			// Handled once their chats' queues are gone.
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (System.nanoTime() < deadline && chats.stream()
				.anyMatch((chat) -> Boolean.TRUE.equals(this.redis.hasKey("sca:inbox:queue:" + chat)))) {
				Thread.sleep(50);
			}
		}
		catch (RuntimeException ex) {
			log.atWarn().setMessage("warm-up through the webhook stopped").addKeyValue("error", ex.toString()).log();
		}
		finally {
			http.shutdownNow();
			this.redis.delete(chats.stream().map(SessionStore::key).toList());
			for (int from = 0; from < ids.size(); from += 500) {
				this.redis.delete(ids.subList(from, Math.min(ids.size(), from + 500))
					.stream()
					.map((id) -> "sca:inbox:seen:" + id)
					.toList());
			}
		}
		return ids.size();
	}

	/** Posts one signed warm-up webhook of {@code event}, its id {@code n} of the run. */
	private CompletableFuture<?> post(HttpClient http, URI callback, String event, String run, int n,
			List<String> ids) {
		String id = "warmup-" + run + "-" + n;
		ids.add(id);
		byte[] body = ("{\"destination\":\"warmup\",\"events\":["
				+ event.replace("\"webhookEventId\":\"warmup\"", "\"webhookEventId\":\"" + id + "\"") + "]}")
			.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(callback)
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json; charset=UTF-8")
			.header("X-Line-Signature", this.line.signature(body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
	}

	/**
	 * A registration by chat, as a user fills it in: the start, taps (postbacks) and
	 * typed answers of every field of the youth form, the summary, then a cancel and its
	 * confirmation, which delete the draft. Nothing is submitted. When no round is open,
	 * the start is answered "closed" and the rest as any chat text.
	 */
	private List<String> registration() {
		JsonMapper json = JsonMapper.builder().build();
		List<String> events = new ArrayList<>();
		for (String step : List.of("สมัคร", "flow=registration&do=type&arg=youth",
				"flow=registration&do=consent&arg=yes", "สมชาย ใจดี", "ชาย", "5 มี.ค. 2545", "1-1037-02071-01-3",
				"081-234-5678", "somchai@example.com", "เชียงราย",
				"flow=registration&do=choice&arg=occupation:graduate", "เทศบาลนครเชียงราย",
				"อยากกลับไปพัฒนาบ้านเกิดให้เป็นเมืองน่าอยู่ ใช้ข้อมูลและเทคโนโลยีช่วยแก้ปัญหาฝุ่นควัน", "ยกเลิก",
				"flow=registration&do=cancel&arg=yes")) {
			events.add(step.startsWith("flow=")
					? event("postback", "\"postback\":{\"data\":" + json.writeValueAsString(step) + "}")
					: textEvent(json, step));
		}
		return events;
	}

	/** A warm-up chat's LINE text message event. */
	private String textEvent(JsonMapper json, String text) {
		return event("message", "\"message\":{\"id\":\"1\",\"type\":\"text\",\"quoteToken\":\"q\",\"text\":"
				+ json.writeValueAsString(text) + "}");
	}

	/**
	 * A LINE event of {@code type} from the warm-up chat, {@code content} its own fields;
	 * the chat and the event id are put in when it is posted.
	 */
	private String event(String type, String content) {
		return "{\"type\":\"" + type + "\",\"mode\":\"active\",\"timestamp\":" + this.clock.millis()
				+ ",\"source\":{\"type\":\"user\",\"userId\":\"" + CHAT + "\"},\"webhookEventId\":\"warmup\","
				+ "\"deliveryContext\":{\"isRedelivery\":false},\"replyToken\":\"warmup\"," + content + "}";
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
		for (String text : texts) {
			events.add(textEvent(json, text));
		}
		events.add(event("message", "\"message\":{\"id\":\"2\",\"type\":\"sticker\",\"packageId\":\"446\","
				+ "\"stickerId\":\"1988\",\"stickerResourceType\":\"STATIC\",\"quoteToken\":\"q\"}"));
		return events;
	}

	/**
	 * The warm-up before the instance reports ready.
	 *
	 * @param time how long it runs at least, on every core; 0 to start cold
	 * @param maxTime how long it may go on while the JIT compiler is still busy
	 * @param exit whether to exit once warm: a training run for the JDK's AOT cache
	 */
	@ConfigurationProperties("bot.warmup")
	record WarmupProperties(@DefaultValue("8s") Duration time, @DefaultValue("60s") Duration maxTime,
			@DefaultValue("false") boolean exit) {
	}

	/**
	 * Whether the JIT compiler has caught up with the warm-up: it spent less than a tenth
	 * of the last two seconds compiling ({@link CompilationMXBean}'s total, read at most
	 * every 250 ms). A JVM that does not report compilation time counts as settled, so
	 * the warm-up then lasts its minimum.
	 */
	static final class JitWatch {

		static final long WINDOW_NANOS = Duration.ofSeconds(2).toNanos();

		private static final long SAMPLE_NANOS = Duration.ofMillis(250).toNanos();

		/** The share of the window the compiler may still spend compiling. */
		static final double SETTLED_SHARE = 0.1;

		private final LongSupplier compileMillis;

		private final ArrayDeque<long[]> samples = new ArrayDeque<>();

		/**
		 * @param compileMillis the JVM's total compilation time so far, or null when it
		 * is not reported
		 */
		JitWatch(LongSupplier compileMillis) {
			this.compileMillis = compileMillis;
		}

		static JitWatch ofThisJvm() {
			CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
			return new JitWatch((compiler != null && compiler.isCompilationTimeMonitoringSupported())
					? compiler::getTotalCompilationTime : null);
		}

		/**
		 * Whether the compiler has been nearly idle for the last window, at {@code now}.
		 */
		synchronized boolean settled(long now) {
			if (this.compileMillis == null) {
				return true;
			}
			long[] last = this.samples.peekLast();
			if (last == null || now - last[0] >= SAMPLE_NANOS) {
				this.samples.addLast(new long[] { now, this.compileMillis.getAsLong() });
				last = this.samples.peekLast();
			}
			// Keep one sample at least a window old, and none older than needed.
			while (this.samples.size() > 1) {
				Iterator<long[]> oldest = this.samples.iterator();
				oldest.next();
				if (now - oldest.next()[0] < WINDOW_NANOS) {
					break;
				}
				this.samples.removeFirst();
			}
			long[] first = this.samples.peekFirst();
			long span = last[0] - first[0];
			if (span < WINDOW_NANOS) {
				return false; // not watched for a whole window yet
			}
			return (last[1] - first[1]) * 1_000_000.0 < SETTLED_SHARE * span;
		}

	}

}
