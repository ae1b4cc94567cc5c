package th.or.depa.sca.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends signed webhooks open-loop: each event at its scheduled time, whether or not
 * earlier ones were answered.
 */
final class Pacer {

	private final HttpClient client;

	private final URI callback;

	private final WebhookSigner signer;

	private final WebhookEvents events;

	private final Schedule schedule;

	private final int maxInFlight;

	private final Duration requestTimeout;

	private final AckStats stats;

	Pacer(HttpClient client, URI callback, WebhookSigner signer, WebhookEvents events, Schedule schedule,
			int maxInFlight, Duration requestTimeout) {
		this.client = client;
		this.callback = callback;
		this.signer = signer;
		this.events = events;
		this.schedule = schedule;
		this.maxInFlight = maxInFlight;
		this.requestTimeout = requestTimeout;
		this.stats = new AckStats(schedule);
	}

	AckStats stats() {
		return this.stats;
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
		byte[] body = this.events.body(seq, System.currentTimeMillis());
		HttpRequest request = HttpRequest.newBuilder(this.callback)
			.timeout(this.requestTimeout)
			.header("Content-Type", "application/json; charset=UTF-8")
			.header("X-Line-Signature", this.signer.sign(body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		this.stats.sending(seq);
		try {
			this.client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, error) -> this.stats.completed(seq, System.nanoTime(),
						(response != null) ? response.statusCode() : -1, error));
		}
		catch (RuntimeException ex) {
			this.stats.completed(seq, System.nanoTime(), -1, ex);
		}
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

}
