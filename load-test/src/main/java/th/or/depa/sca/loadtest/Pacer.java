package th.or.depa.sca.loadtest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends signed webhooks open-loop: each event at its scheduled time, whether or not
 * earlier ones were answered. Like LINE with webhook redelivery on, a webhook the bot
 * answered with 5xx or 429 or not at all is sent again later, marked as a redelivery,
 * until the bot accepts it; those resends are counted apart and do not count as new
 * events. Resends back off as webhook senders do (the first after
 * {@code --redeliver-after}, each further one after twice as long, up to a minute, with
 * jitter), so that a refusal does not turn into a resend every few seconds forever.
 */
final class Pacer implements AutoCloseable {

	/** Marks the sequence number of a resend, so that its answer is told apart. */
	private static final long REDELIVERY = 1L << 48;

	/** The bits below the redelivery mark: the event's own sequence number. */
	private static final long SEQUENCE = REDELIVERY - 1;

	/** Resends of one webhook so far, kept in the bits above the redelivery mark. */
	private static final int ATTEMPT_SHIFT = 49;

	private static final long LONGEST_BACKOFF_MILLIS = 60_000;

	private static final byte[] FIRST = "\"isRedelivery\":false".getBytes(StandardCharsets.US_ASCII);

	private final Map<Long, byte[]> bodies = new ConcurrentHashMap<>();

	private final Duration redeliverAfter;

	private final ScheduledExecutorService redeliveries;

	private final AtomicInteger redeliveriesPending = new AtomicInteger();

	private final LongAdder redeliveriesSent = new LongAdder();

	private final LongAdder redeliveredAccepted = new LongAdder();

	private final LongAdder redeliveredAcceptedMeasured = new LongAdder();

	private final Schedule schedule;

	private final int maxInFlight;

	private final AckStats stats;

	private final WebhookEvents events;

	private final AnswerLedger ledger;

	private final WebhookClient client;

	/**
	 * @param callback the bot's webhook URL
	 * @param secret channel secret the bot verifies signatures with
	 * @param events builds the webhook bodies
	 * @param ledger issues each event's reply token and learns who sent it
	 * @param schedule when each event is due
	 * @param maxInFlight cap on unacknowledged requests, and so on open connections
	 * @param requestTimeout how long the bot may stay silent before a request fails
	 */
	Pacer(URI callback, String secret, WebhookEvents events, AnswerLedger ledger, Schedule schedule, int maxInFlight,
			Duration requestTimeout) {
		this(callback, secret, events, ledger, schedule, maxInFlight, requestTimeout, Duration.ZERO);
	}

	/**
	 * @param redeliverAfter how long after a 5xx or a failed request the webhook is sent
	 * again; zero for never
	 */
	Pacer(URI callback, String secret, WebhookEvents events, AnswerLedger ledger, Schedule schedule, int maxInFlight,
			Duration requestTimeout, Duration redeliverAfter) {
		this.schedule = schedule;
		this.maxInFlight = maxInFlight;
		this.events = events;
		this.ledger = ledger;
		this.stats = new AckStats(schedule);
		this.redeliverAfter = redeliverAfter;
		this.redeliveries = redeliverAfter.isZero() ? null : Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("load-test-redelivery").factory());
		this.client = new WebhookClient(callback, secret, maxInFlight, requestTimeout, this::completed);
	}

	private void completed(long seq, long nowNanos, int status, Throwable error) {
		boolean accepted = error == null && status >= 200 && status < 300;
		boolean retry = this.redeliveries != null && (error != null || status >= 500 || status == 429);
		if ((seq & REDELIVERY) != 0) {
			long original = seq & SEQUENCE;
			this.redeliveriesPending.decrementAndGet();
			if (accepted) {
				this.bodies.remove(original);
				this.redeliveredAccepted.increment();
				if (this.schedule.isMeasured(original)) {
					this.redeliveredAcceptedMeasured.increment();
				}
			}
			else if (retry) {
				redeliverLater(original, (int) (seq >>> ATTEMPT_SHIFT) + 1);
			}
			else {
				this.bodies.remove(original);
			}
			return;
		}
		this.stats.completed(seq, nowNanos, status, error);
		if (retry) {
			redeliverLater(seq, 1);
		}
		else {
			this.bodies.remove(seq);
		}
	}

	private void redeliverLater(long seq, int attempt) {
		byte[] body = this.bodies.get(seq);
		if (body == null) {
			return;
		}
		long base = this.redeliverAfter.toMillis() << Math.min(attempt - 1, 20);
		long delay = Math.min(base, LONGEST_BACKOFF_MILLIS);
		// Up to a quarter more, so that webhooks refused together do not come back
		// together.
		delay += ThreadLocalRandom.current().nextLong(delay / 4 + 1);
		long resend = seq | REDELIVERY | ((long) Math.min(attempt, 127) << ATTEMPT_SHIFT);
		this.redeliveriesPending.incrementAndGet();
		this.redeliveries.schedule(() -> {
			this.redeliveriesSent.increment();
			this.client.submit(resend, body);
		}, delay, TimeUnit.MILLISECONDS);
	}

	/** Webhooks sent again after a 5xx or a failure, and those then accepted. */
	long redeliveriesSent() {
		return this.redeliveriesSent.sum();
	}

	long redeliveredAccepted() {
		return this.redeliveredAccepted.sum();
	}

	AckStats stats() {
		return this.stats;
	}

	/** Connections the client opened so far, including replacements. */
	int connectionsOpened() {
		return this.client.connectionsOpened();
	}

	/** Connections open now. */
	int openConnections() {
		return this.client.openConnections();
	}

	/**
	 * Dispatches every scheduled event from the calling thread and returns once the last
	 * one is due and sent; stops early if the thread is interrupted.
	 */
	void run() {
		long total = this.schedule.totalEvents();
		long seq = 0;
		while (seq < total && !Thread.currentThread().isInterrupted()) {
			long now = System.nanoTime();
			// After a stall (GC, scheduler) everything overdue goes out at once: that is
			// what real users would do.
			while (seq < total && this.schedule.dueNanos(seq) <= now) {
				dispatch(seq);
				seq++;
			}
			if (seq < total) {
				long wait = this.schedule.dueNanos(seq) - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
			}
		}
	}

	private void dispatch(long seq) {
		if (this.stats.inFlight() >= this.maxInFlight) {
			// Waiting here would turn the test closed-loop and hide the overload; count
			// it instead.
			this.stats.notSent(seq);
			return;
		}
		// Counted as in flight from here, even while it waits for a connection: the ack
		// latency runs from the intended send time, so such a wait shows up in it. The
		// request is built and signed on this thread.
		this.stats.sending(seq);
		int user = this.events.user(seq);
		String replyToken = this.ledger.sent(seq, user);
		byte[] body = this.events.body(seq, user, replyToken, this.ledger.clock().millis());
		if (this.redeliveries != null) {
			this.bodies.put(seq, redelivery(body));
		}
		this.client.submit(seq, body);
	}

	/** The body as LINE sends it again: the same event, marked as a redelivery. */
	private static byte[] redelivery(byte[] body) {
		byte[] copy = body.clone();
		for (int i = 0; i + FIRST.length <= copy.length; i++) {
			if (copy[i] == FIRST[0] && java.util.Arrays.equals(copy, i, i + FIRST.length, FIRST, 0, FIRST.length)) {
				byte[] marked = new byte[copy.length - 1];
				byte[] replacement = "\"isRedelivery\":true".getBytes(StandardCharsets.US_ASCII);
				System.arraycopy(copy, 0, marked, 0, i);
				System.arraycopy(replacement, 0, marked, i, replacement.length);
				System.arraycopy(copy, i + FIRST.length, marked, i + replacement.length,
						copy.length - i - FIRST.length);
				return marked;
			}
		}
		return copy;
	}

	/**
	 * Waits until no request is in flight and {@code answered} reports every
	 * 2xx-acknowledged measured event as answered, or until {@code timeout} passes.
	 * @return whether everything settled in time
	 */
	boolean awaitSettled(AnswerLedger answered, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.stats.inFlight() > 0 || this.redeliveriesPending.get() > 0
				|| answered.answeredMeasured() < this.stats.acked2xx() + this.redeliveredAcceptedMeasured.sum()) {
			if (System.nanoTime() - deadline >= 0) {
				return false;
			}
			Thread.sleep(20);
		}
		return true;
	}

	/** Drops the client's connections; requests still in flight get no outcome. */
	@Override
	public void close() {
		if (this.redeliveries != null) {
			this.redeliveries.shutdownNow();
		}
		this.client.close();
	}

}
