package th.or.depa.sca.loadtest;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends signed webhooks open-loop: each event at its scheduled time, whether or not
 * earlier ones were answered.
 */
final class Pacer implements AutoCloseable {

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
		this.schedule = schedule;
		this.maxInFlight = maxInFlight;
		this.events = events;
		this.ledger = ledger;
		this.stats = new AckStats(schedule);
		this.client = new WebhookClient(callback, secret, maxInFlight, requestTimeout, this.stats::completed);
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
		this.client.submit(seq, this.events.body(seq, user, replyToken, this.ledger.clock().millis()));
	}

	/**
	 * Waits until no request is in flight and {@code answered} reports every
	 * 2xx-acknowledged measured event as answered, or until {@code timeout} passes.
	 * @return whether everything settled in time
	 */
	boolean awaitSettled(AnswerLedger answered, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.stats.inFlight() > 0 || answered.answeredMeasured() < this.stats.acked2xx()) {
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
		this.client.close();
	}

}
