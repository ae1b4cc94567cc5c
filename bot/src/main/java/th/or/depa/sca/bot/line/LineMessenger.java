package th.or.depa.sca.bot.line;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.linecorp.bot.client.base.Result;
import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.client.MessagingApiClientException;
import com.linecorp.bot.messaging.model.BroadcastRequest;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.MulticastRequest;
import com.linecorp.bot.messaging.model.PushMessageRequest;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import com.linecorp.bot.messaging.model.ShowLoadingAnimationRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.depa.sca.bot.inbox.Handling;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * The one way the bot sends to LINE. Replies fall back to a push when LINE rejects the
 * reply token; pushes, multicasts and broadcasts carry a retry key that stays the same
 * across retries, so LINE delivers them once; 429, 5xx and timeouts are retried with
 * exponential back-off.
 * <p>
 * Calls block the calling thread until LINE answers; callers are the inbox's worker
 * threads. While an event is handled ({@link Handling}) the thread gives its CPU slot up
 * while it waits, every call of the event ends by the event's deadline (no retry starts
 * after it), and nothing is sent once the chat's lease is lost.
 */
public class LineMessenger {

	/**
	 * Chats of the bot's own warm-up before it reports ready: never a LINE id (those are
	 * "U" and 32 hex digits), so nothing is ever sent to them; their messages are only
	 * serialized as a real call's would be.
	 */
	public static final String REHEARSAL_PREFIX = "Uwarmup";

	private static final Logger log = LoggerFactory.getLogger(LineMessenger.class);

	private static final com.fasterxml.jackson.databind.ObjectMapper LINE_JSON = com.linecorp.bot.jackson.ModelObjectMapper
		.createNewObjectMapper();

	private final Supplier<MessagingApiClient> client;

	private final RetryTemplate retry;

	private final MeterRegistry meters;

	private final Counter replies;

	private final Counter pushes;

	LineMessenger(Supplier<MessagingApiClient> client, LineProperties.Retry retry, MeterRegistry meters) {
		this.client = client;
		this.meters = meters;
		this.retry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(retry.maxRetries())
			.delay(retry.initialDelay())
			.multiplier(2.0)
			.maxDelay(retry.maxDelay())
			.jitter(retry.initialDelay().dividedBy(4).isZero() ? Duration.ZERO : retry.initialDelay().dividedBy(4))
			.predicate((failure) -> failure instanceof LineApiException ex && ex.retryable() && timeLeft())
			.build());
		this.replies = Counter.builder("bot.line.replies").description("Replies LINE accepted").register(meters);
		this.pushes = Counter.builder("bot.line.pushes")
			.description("Pushes LINE accepted, reply fallbacks included")
			.register(meters);
	}

	/**
	 * Replies with the event's reply token. When LINE rejects the token (expired or used)
	 * the messages are pushed to {@code chatId} instead, with {@code fallbackRetryKey} —
	 * unless an earlier attempt may have used the token: then a push would most likely be
	 * a duplicate, and none is sent.
	 * @param fallbackRetryKey the push's retry key, asked for only when a push is made
	 * @param mayHaveBeenSent true when this reply was tried before by a worker that did
	 * not finish (a replay after a crash)
	 * @return how the messages went out
	 */
	public Delivery reply(String replyToken, String chatId, List<Message> messages, Supplier<UUID> fallbackRetryKey,
			boolean mayHaveBeenSent) {
		if (isRehearsal(chatId)) {
			rehearse(new ReplyMessageRequest(replyToken, messages, false));
			return Delivery.REPLIED;
		}
		if (replyToken == null || replyToken.isBlank()) {
			push(chatId, messages, fallbackRetryKey.get());
			return Delivery.PUSHED;
		}
		AtomicBoolean uncertain = new AtomicBoolean(mayHaveBeenSent);
		try {
			call("reply", () -> this.client.get().replyMessage(new ReplyMessageRequest(replyToken, messages, false)),
					uncertain);
			this.replies.increment();
			return Delivery.REPLIED;
		}
		catch (LineApiException ex) {
			if (!ex.invalidReplyToken()) {
				throw ex;
			}
			if (uncertain.get()) {
				// An earlier attempt (a retry, or a worker that died before finishing)
				// may have used the token, so a pushed copy would most likely be a
				// duplicate.
				log.atWarn()
					.setMessage("reply token rejected after an attempt that may have used it; not pushing a copy")
					.addKeyValue("operation", "reply")
					.log();
				return Delivery.PROBABLY_REPLIED;
			}
			log.atInfo().setMessage("reply token rejected, pushing instead").addKeyValue("operation", "reply").log();
			push(chatId, messages, fallbackRetryKey.get());
			return Delivery.PUSHED;
		}
	}

	/** Pushes messages to one user, group or room. */
	public void push(String to, List<Message> messages, UUID retryKey) {
		if (isRehearsal(to)) {
			rehearse(new PushMessageRequest(to, messages, false, null));
			return;
		}
		deliverOnce("push",
				() -> this.client.get().pushMessage(retryKey, new PushMessageRequest(to, messages, false, null)));
		this.pushes.increment();
	}

	/** Sends the same messages to up to 500 users. */
	public void multicast(List<String> to, List<Message> messages, UUID retryKey) {
		deliverOnce("multicast",
				() -> this.client.get().multicast(retryKey, new MulticastRequest(messages, to, false, null)));
	}

	/** Sends messages to every follower of the channel. */
	public void broadcast(List<Message> messages, UUID retryKey) {
		deliverOnce("broadcast", () -> this.client.get().broadcast(retryKey, new BroadcastRequest(messages, false)));
	}

	/**
	 * Shows the typing indicator in a one-to-one chat; failures only cost the animation.
	 */
	public void showLoading(String userId, int seconds) {
		if (isRehearsal(userId)) {
			return;
		}
		try {
			call("loading",
					() -> this.client.get().showLoadingAnimation(new ShowLoadingAnimationRequest(userId, seconds)),
					new AtomicBoolean());
		}
		catch (LineApiException ex) {
			log.atInfo().setMessage("loading animation not shown").addKeyValue("status", ex.status()).log();
		}
	}

	/** Whether the chat is one of the bot's warm-up chats, to which nothing is sent. */
	public static boolean isRehearsal(String chatId) {
		return chatId != null && chatId.startsWith(REHEARSAL_PREFIX);
	}

	private static void rehearse(Object request) {
		try {
			LINE_JSON.writeValueAsBytes(request);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException("A LINE request did not serialize", ex);
		}
	}

	private void deliverOnce(String operation, Supplier<? extends CompletableFuture<? extends Result<?>>> request) {
		try {
			call(operation, request, new AtomicBoolean());
		}
		catch (LineApiException ex) {
			if (!ex.alreadyAccepted()) {
				throw ex;
			}
			// 409: a request with this retry key was accepted before, so the messages are
			// out.
			log.atInfo().setMessage("already accepted under this retry key").addKeyValue("operation", operation).log();
		}
	}

	private void call(String operation, Supplier<? extends CompletableFuture<? extends Result<?>>> request,
			AtomicBoolean uncertain) {
		try {
			this.retry.execute(() -> {
				try {
					return await(operation, request::get);
				}
				catch (LineApiException ex) {
					if (ex.retryable()) {
						uncertain.set(true);
					}
					throw ex;
				}
			});
		}
		catch (RetryException ex) {
			if (ex.getLastException() instanceof LineApiException failure) {
				throw failure;
			}
			if (ex.getLastException() instanceof Handling.LeaseLostException lost) {
				throw lost;
			}
			throw new LineApiException(operation, 0, String.valueOf(ex.getLastException()), ex.getLastException());
		}
	}

	private Object await(String operation, Supplier<? extends CompletableFuture<?>> request) {
		Handling handling = Handling.current();
		if (handling == null) {
			return await(operation, request.get(), -1);
		}
		if (!handling.leaseHeld()) {
			throw new Handling.LeaseLostException(operation);
		}
		long left = handling.remaining().toNanos();
		if (left <= 0) {
			throw new LineApiException(operation, 0, "event deadline passed", null);
		}
		CompletableFuture<?> future = request.get();
		try {
			return handling.waiting(() -> await(operation, future, left));
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new LineApiException(operation, 0, String.valueOf(ex), ex);
		}
	}

	private Object await(String operation, CompletableFuture<?> future, long timeoutNanos) {
		try {
			return (timeoutNanos < 0) ? future.get() : future.get(timeoutNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LineApiException(operation, 0, "interrupted", ex);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			this.meters.counter("bot.line.errors", "operation", operation, "status", "deadline").increment();
			throw new LineApiException(operation, 0, "event deadline passed", ex);
		}
		catch (ExecutionException | CompletionException ex) {
			throw failure(operation, ex.getCause());
		}
	}

	/** Whether the event being handled (if any) still has time for another attempt. */
	private static boolean timeLeft() {
		Handling handling = Handling.current();
		return handling == null || (handling.leaseHeld() && handling.remaining().toNanos() > 0);
	}

	private LineApiException failure(String operation, Throwable cause) {
		int status = 0;
		String message = String.valueOf(cause);
		if (cause instanceof MessagingApiClientException api) {
			status = api.getCode();
			message = String.valueOf(api.getError());
		}
		else if (cause instanceof AbstractLineClientException api) {
			status = api.getCode();
			message = api.getClass().getSimpleName();
		}
		else if (cause instanceof IOException io) {
			message = io.getClass().getSimpleName() + ": " + io.getMessage();
		}
		this.meters.counter("bot.line.errors", "operation", operation, "status", String.valueOf(status)).increment();
		return new LineApiException(operation, status, message, cause);
	}

	/** How a reply reached the user. */
	public enum Delivery {

		/** Sent with the reply token. */
		REPLIED,
		/** The reply token was rejected, so the messages were pushed. */
		PUSHED,
		/** The reply token was rejected after an attempt whose outcome is unknown. */
		PROBABLY_REPLIED,
		/** LINE refused the messages or could not be reached; nothing was sent. */
		FAILED

	}

}
