package th.or.depa.sca.bot.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.depa.sca.bot.inbox.EventInbox;
import th.or.depa.sca.bot.inbox.InboundEvent;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * LINE's webhook endpoint. Answers within milliseconds: it verifies the signature, queues
 * the events in Redis and returns 200; the events are handled afterwards, in order per
 * chat.
 */
@RestController
class CallbackController {

	/** The path LINE posts to, as configured in the LINE Developers console. */
	static final String PATH = "/callback";

	/** LINE's webhook bodies are far smaller; anything larger is refused unread. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(CallbackController.class);

	private final WebhookSignature signature;

	private final EventInbox inbox;

	private final MeterRegistry meters;

	private final Timer ack;

	CallbackController(WebhookSignature signature, EventInbox inbox, MeterRegistry meters) {
		this.signature = signature;
		this.inbox = inbox;
		this.meters = meters;
		this.ack = Timer.builder("bot.webhook.ack")
			.description("Time from reading a webhook to answering it, events queued")
			.register(meters);
	}

	@PostMapping(PATH)
	ResponseEntity<?> callback(@RequestHeader(name = "X-Line-Signature", required = false) String header,
			HttpServletRequest request) throws IOException {
		long started = System.nanoTime();
		try {
			return handle(header, request);
		}
		finally {
			this.ack.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	private ResponseEntity<?> handle(String header, HttpServletRequest request) throws IOException {
		if (header == null || header.isBlank()) {
			return reject(HttpStatus.BAD_REQUEST, "missing-signature", "X-Line-Signature header is missing");
		}
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			return reject(HttpStatus.CONTENT_TOO_LARGE, "too-large", "body is larger than 1 MiB");
		}
		byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES);
		if (body == null) {
			return reject(HttpStatus.CONTENT_TOO_LARGE, "too-large", "body is larger than 1 MiB");
		}
		switch (this.signature.verify(body, header)) {
			case MISSING -> {
				return reject(HttpStatus.BAD_REQUEST, "missing-signature", "X-Line-Signature header is missing");
			}
			case MALFORMED -> {
				return reject(HttpStatus.BAD_REQUEST, "malformed-signature",
						"X-Line-Signature is not a base64 HMAC-SHA256");
			}
			case MISMATCH -> {
				return reject(HttpStatus.UNAUTHORIZED, "bad-signature",
						"X-Line-Signature does not match the body and channel secret");
			}
			case VALID -> {
			}
		}
		List<InboundEvent> events;
		try {
			events = WebhookPayload.events(body);
		}
		catch (WebhookPayload.MalformedPayloadException ex) {
			return reject(HttpStatus.BAD_REQUEST, "malformed-body", ex.getMessage());
		}
		try {
			this.inbox.accept(events);
		}
		catch (DataAccessException ex) {
			// Not acknowledged, so LINE redelivers (when redelivery is on) instead of
			// losing it.
			log.atError().setMessage("webhook not queued: redis unavailable").setCause(ex).log();
			return reject(HttpStatus.SERVICE_UNAVAILABLE, "redis-unavailable", "events could not be stored, retry");
		}
		this.meters.counter("bot.webhook.requests", "outcome", "accepted").increment();
		return ResponseEntity.ok().build();
	}

	private ResponseEntity<ProblemDetail> reject(HttpStatus status, String outcome, String reason) {
		this.meters.counter("bot.webhook.requests", "outcome", outcome).increment();
		log.atWarn()
			.setMessage("webhook rejected")
			.addKeyValue("outcome", outcome)
			.addKeyValue("status", status.value())
			.log();
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, reason));
	}

	/** Reads the body, or returns null as soon as it exceeds the limit. */
	private static byte[] readAtMost(InputStream in, int limit) throws IOException {
		byte[] body = in.readNBytes(limit + 1);
		return (body.length > limit) ? null : body;
	}

}
