package th.or.depa.sca.bot.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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

	private final transient WebhookSignature signature;

	private final transient EventInbox inbox;

	private final transient JsonMapper json;

	private final transient MeterRegistry meters;

	private final transient Timer ack;

	private final transient Counter accepted;

	CallbackServlet(WebhookSignature signature, EventInbox inbox, JsonMapper json, MeterRegistry meters) {
		this.signature = signature;
		this.inbox = inbox;
		this.json = json;
		this.meters = meters;
		this.ack = Timer.builder("bot.webhook.ack")
			.description("Time from reading a webhook to answering it, events queued")
			.register(meters);
		this.accepted = Counter.builder("bot.webhook.requests")
			.description("Webhook requests by outcome")
			.tag("outcome", "accepted")
			.register(meters);
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		long started = System.nanoTime();
		try {
			handle(request, response);
		}
		finally {
			this.ack.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String header = request.getHeader("X-Line-Signature");
		if (header == null || header.isBlank()) {
			reject(response, HttpStatus.BAD_REQUEST, "missing-signature", "X-Line-Signature header is missing");
			return;
		}
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			reject(response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "body is larger than 1 MiB");
			return;
		}
		byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES);
		if (body == null) {
			reject(response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "body is larger than 1 MiB");
			return;
		}
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
			reject(response, HttpStatus.BAD_REQUEST, "malformed-body", ex.getMessage());
			return;
		}
		try {
			this.inbox.accept(events);
		}
		catch (DataAccessException ex) {
			// Not acknowledged, so LINE redelivers (when redelivery is on) instead of
			// losing it.
			log.atError().setMessage("webhook not queued: redis unavailable").setCause(ex).log();
			reject(response, HttpStatus.SERVICE_UNAVAILABLE, "redis-unavailable", "events could not be stored, retry");
			return;
		}
		this.accepted.increment();
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentLength(0);
	}

	private void reject(HttpServletResponse response, HttpStatus status, String outcome, String reason)
			throws IOException {
		this.meters.counter("bot.webhook.requests", "outcome", outcome).increment();
		log.atWarn()
			.setMessage("webhook rejected")
			.addKeyValue("outcome", outcome)
			.addKeyValue("status", status.value())
			.log();
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", reason);
		problem.put("instance", PATH);
		byte[] document = this.json.writeValueAsBytes(problem);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(document.length);
		response.getOutputStream().write(document);
	}

	/** Reads the body, or returns null as soon as it exceeds the limit. */
	private static byte[] readAtMost(InputStream in, int limit) throws IOException {
		byte[] body = in.readNBytes(limit + 1);
		return (body.length > limit) ? null : body;
	}

}
