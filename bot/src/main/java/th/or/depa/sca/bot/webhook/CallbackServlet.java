package th.or.depa.sca.bot.webhook;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.depa.sca.bot.inbox.EventInbox;
import th.or.depa.sca.bot.inbox.InboundEvent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * LINE's webhook endpoint. Answers within milliseconds: it verifies the signature, queues
 * the events in Redis and returns 200; the events are handled afterwards, in order per
 * chat.
 * <p>
 * The body is read with non-blocking I/O, so a client that sends slowly holds no request
 * thread, and it must arrive within {@code BOT_WEBHOOK_BODY_TIMEOUT} (408 and the
 * connection closed otherwise): a few slow-drip connections cannot keep LINE's own
 * webhooks waiting. When the backlog of events is full it answers 503, so that LINE
 * delivers the webhook again later, and for a moment afterwards it answers 503 without
 * reading the body at all ({@link EventInbox#refusing}), so that refusals cost an
 * overloaded bot next to nothing.
 * <p>
 * A plain servlet rather than a Spring MVC controller: this is the one hot path of the
 * bot, and the load test showed the MVC dispatch costing a good part of each
 * acknowledgement on a 2-core machine. Rejections still answer with an RFC 9457 problem
 * document, as MVC would.
 */
class CallbackServlet extends HttpServlet {

	/** The path LINE posts to, as configured in the LINE Developers console. */
	static final String PATH = "/callback";

	/** LINE's webhook bodies are far smaller; anything larger is refused unread. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(CallbackServlet.class);

	private static final String MALFORMED_BODY = "malformed-body";

	private final transient WebhookSignature signature;

	private final transient EventInbox inbox;

	private final transient JsonMapper json;

	private final transient MeterRegistry meters;

	private final transient Timer ack;

	private final transient Counter accepted;

	private final transient HashedWheelTimer timer;

	private final long bodyTimeoutMillis;

	private final transient RejectionLog rejections = new RejectionLog(log, Duration.ofSeconds(10));

	/** Problem documents by outcome, written once each. */
	private final transient Map<String, byte[]> problems = new ConcurrentHashMap<>();

	CallbackServlet(WebhookSignature signature, EventInbox inbox, JsonMapper json, MeterRegistry meters,
			Duration bodyTimeout) {
		this.signature = signature;
		this.inbox = inbox;
		this.json = json;
		this.meters = meters;
		// A wheel, not a ScheduledExecutorService: every webhook sets a deadline and
		// nearly every one is cancelled at once, and a wheel takes both without waking
		// its thread (which ticks every 50 ms; the deadline is seconds).
		this.timer = new HashedWheelTimer(Thread.ofPlatform().name("webhook-deadline").daemon().factory(), 50,
				TimeUnit.MILLISECONDS);
		this.bodyTimeoutMillis = Math.max(1, bodyTimeout.toMillis());
		this.ack = Timer.builder("bot.webhook.ack")
			.description("Time from reading a webhook to answering it, events queued")
			.register(meters);
		this.accepted = Counter.builder("bot.webhook.requests")
			.description("Webhook requests by outcome")
			.tag("outcome", "accepted")
			.register(meters);
	}

	@Override
	public void destroy() {
		this.timer.stop();
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		long started = System.nanoTime();
		String header = request.getHeader("X-Line-Signature");
		if (header == null || header.isBlank()) {
			reject(response, HttpStatus.BAD_REQUEST, "missing-signature", "X-Line-Signature header is missing");
			return;
		}
		long length = request.getContentLengthLong();
		if (length > MAX_BODY_BYTES) {
			reject(response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "body is larger than 1 MiB");
			return;
		}
		if (this.inbox.refusing()) {
			// Unread: Tomcat closes the connection after a 503 anyway.
			this.inbox.refusedUnread();
			refuseOverloaded(response);
			return;
		}
		AsyncContext async = request.startAsync();
		// A backstop only: the body deadline below answers first.
		async.setTimeout(this.bodyTimeoutMillis + 30_000);
		ServletInputStream in = request.getInputStream();
		Body body = new Body(async, in, response, header, (int) Math.max(0, length), started);
		body.deadline = this.timer.newTimeout((timeout) -> body.timedOut(), this.bodyTimeoutMillis,
				TimeUnit.MILLISECONDS);
		in.setReadListener(body);
	}

	/** Verifies and queues a webhook whose body has arrived, and answers it. */
	private void handle(byte[] body, String header, HttpServletResponse response) throws IOException {
		switch (this.signature.verify(body, header)) {
			case MISSING -> {
				reject(response, HttpStatus.BAD_REQUEST, "missing-signature", "X-Line-Signature header is missing");
				return;
			}
			case MALFORMED -> {
				reject(response, HttpStatus.BAD_REQUEST, "malformed-signature",
						"X-Line-Signature is not a base64 HMAC-SHA256");
				return;
			}
			case MISMATCH -> {
				reject(response, HttpStatus.UNAUTHORIZED, "bad-signature",
						"X-Line-Signature does not match the body and channel secret");
				return;
			}
			case VALID -> {
			}
		}
		List<InboundEvent> events;
		try {
			events = WebhookPayload.events(body);
		}
		catch (WebhookPayload.MalformedPayloadException ex) {
			reject(response, HttpStatus.BAD_REQUEST, MALFORMED_BODY, ex.getMessage());
			return;
		}
		EventInbox.Accepted outcome;
		try {
			outcome = this.inbox.accept(events);
		}
		catch (DataAccessException ex) {
			// Not acknowledged, so LINE redelivers (when redelivery is on) instead of
			// losing it. Logged as a rejection, not once per request with its stack.
			reject(response, HttpStatus.SERVICE_UNAVAILABLE, "redis-unavailable", "events could not be stored, retry");
			return;
		}
		if (!outcome.complete()) {
			// The events already queued are remembered, so the redelivery queues only the
			// rest.
			refuseOverloaded(response);
			return;
		}
		this.accepted.increment();
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentLength(0);
	}

	private void refuseOverloaded(HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", "1");
		reject(response, HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
				"the bot is at its backlog limit, deliver again later");
	}

	private void reject(HttpServletResponse response, HttpStatus status, String outcome, String reason)
			throws IOException {
		this.meters.counter("bot.webhook.requests", "outcome", outcome).increment();
		this.rejections.rejected(outcome, status.value());
		// The reasons are the servlet's own constants but for a malformed body's, which
		// depends on the body: only those are written each time.
		byte[] document = outcome.equals(MALFORMED_BODY) ? problem(status, reason)
				: this.problems.computeIfAbsent(outcome, (key) -> problem(status, reason));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(document.length);
		response.getOutputStream().write(document);
	}

	/** A problem document (RFC 9457) for a rejection. */
	private byte[] problem(HttpStatus status, String reason) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", reason);
		problem.put("instance", PATH);
		return this.json.writeValueAsBytes(problem);
	}

	/**
	 * One webhook's body as it arrives, read without blocking; answered once, by whoever
	 * comes first: the whole body, an error, or the deadline.
	 */
	private final class Body implements ReadListener {

		private static final int READING = 0;

		private static final int ANSWERED = 1;

		private final AsyncContext async;

		private final ServletInputStream in;

		private final HttpServletResponse response;

		private final String header;

		private final long started;

		private final AtomicInteger state = new AtomicInteger(READING);

		private byte[] buffer;

		private int size;

		private volatile Timeout deadline;

		Body(AsyncContext async, ServletInputStream in, HttpServletResponse response, String header, int expected,
				long started) {
			this.async = async;
			this.in = in;
			this.response = response;
			this.header = header;
			this.started = started;
			this.buffer = new byte[(expected > 0) ? expected : 4096];
		}

		@Override
		public void onDataAvailable() throws IOException {
			while (this.state.get() == READING && this.in.isReady()) {
				if (this.size == this.buffer.length) {
					if (this.buffer.length > MAX_BODY_BYTES) {
						answer(HttpStatus.CONTENT_TOO_LARGE, "too-large", "body is larger than 1 MiB");
						return;
					}
					this.buffer = Arrays.copyOf(this.buffer, Math.min(this.buffer.length * 2, MAX_BODY_BYTES + 1));
				}
				int read = this.in.read(this.buffer, this.size, this.buffer.length - this.size);
				if (read < 0) {
					return;
				}
				this.size += read;
			}
		}

		@Override
		public void onAllDataRead() throws IOException {
			if (!this.state.compareAndSet(READING, ANSWERED)) {
				return;
			}
			cancelDeadline();
			try {
				if (this.size > MAX_BODY_BYTES) {
					reject(this.response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "body is larger than 1 MiB");
				}
				else {
					handle((this.size == this.buffer.length) ? this.buffer : Arrays.copyOf(this.buffer, this.size),
							this.header, this.response);
				}
			}
			finally {
				finish();
			}
		}

		@Override
		public void onError(Throwable failure) {
			if (!this.state.compareAndSet(READING, ANSWERED)) {
				return;
			}
			cancelDeadline();
			log.atInfo()
				.setMessage("webhook body not received")
				.addKeyValue("error", failure.getClass().getSimpleName())
				.log();
			try {
				this.response.setHeader("Connection", "close");
				reject(this.response, HttpStatus.BAD_REQUEST, "body-error", "the body could not be read");
			}
			catch (IOException | IllegalStateException ex) {
				// The client is gone.
			}
			finally {
				finish();
			}
		}

		void timedOut() {
			try {
				answer(HttpStatus.REQUEST_TIMEOUT, "body-timeout",
						"the body did not arrive within " + CallbackServlet.this.bodyTimeoutMillis + " ms");
			}
			catch (IOException | IllegalStateException ex) {
				// The client is gone.
			}
		}

		private void answer(HttpStatus status, String outcome, String reason) throws IOException {
			if (!this.state.compareAndSet(READING, ANSWERED)) {
				return;
			}
			cancelDeadline();
			try {
				// Close rather than wait for (or swallow) the rest of the body.
				this.response.setHeader("Connection", "close");
				reject(this.response, status, outcome, reason);
			}
			finally {
				finish();
			}
		}

		private void cancelDeadline() {
			Timeout pending = this.deadline;
			if (pending != null) {
				pending.cancel();
			}
		}

		private void finish() {
			CallbackServlet.this.ack.record(System.nanoTime() - this.started, TimeUnit.NANOSECONDS);
			this.async.complete();
		}

	}

}
