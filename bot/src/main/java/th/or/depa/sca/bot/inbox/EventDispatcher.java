package th.or.depa.sca.bot.inbox;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.depa.sca.bot.session.SessionWrite;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains chat queues on a bounded pool of worker threads: one worker per chat at a time
 * across all instances (the chat's Redis lock), events in queue order, different chats in
 * parallel.
 * <p>
 * Platform threads, not virtual ones: on a 2-core machine both virtual-thread carriers
 * were pinned by threads blocked in first-use class initialization inside the LINE SDK
 * (Retrofit's synchronized method cache), and no Redis reply could then resume anyone:
 * the bot hung.
 */
@Component
class EventDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

	private final ChatQueues queues;

	private final DeadLetters deadLetters;

	private final EventProcessor processor;

	private final Timer processing;

	private final MeterRegistry meters;

	private final int poolSize;

	private volatile ExecutorService workers;

	EventDispatcher(ChatQueues queues, DeadLetters deadLetters, EventProcessor processor, InboxProperties properties,
			MeterRegistry meters) {
		this.queues = queues;
		this.deadLetters = deadLetters;
		this.processor = processor;
		this.poolSize = properties.workers();
		this.meters = meters;
		this.processing = Timer.builder("bot.events.processing")
			.description("Time to handle one event, LINE calls included")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
	}

	/**
	 * Asks for the chat's queue to be drained; a no-op if another worker already drains
	 * it.
	 */
	void wake(String chatKey) {
		ExecutorService current = this.workers;
		if (current == null) {
			return; // not running: the sweeper of this or another instance picks it up
		}
		try {
			current.execute(() -> drain(chatKey));
		}
		catch (RejectedExecutionException ex) {
			log.atDebug().setMessage("shutting down, left queued").log();
		}
	}

	/**
	 * Finds queues nobody drains: left by a crashed instance, or woken while this one was
	 * busy.
	 */
	@Scheduled(fixedDelayString = "${bot.inbox.sweep-interval:2s}")
	void sweep() {
		if (this.workers == null) {
			return;
		}
		for (String chatKey : this.queues.activeChats()) {
			wake(chatKey);
		}
	}

	private void drain(String chatKey) {
		String token = UUID.randomUUID().toString();
		try {
			ChatQueues.Step step = this.queues.acquire(chatKey, token);
			while (step.owner()) {
				while (step.head() != null) {
					SessionWrite write = handle(InboundEvent.fromEntry(chatKey, step.head()), step.session(),
							step.replayed());
					step = this.queues.commit(chatKey, token, write);
					switch (step.outcome()) {
						case RELEASED -> {
							return; // queue empty, lock released in the same step
						}
						case NOT_OWNER -> {
							log.atWarn().setMessage("lost chat lock, another worker took over").log();
							return;
						}
						case SESSION_CHANGED -> {
							// Something outside this worker wrote the session meanwhile:
							// the
							// event stays queued and is handled again from the new
							// session.
							log.atWarn().setMessage("session changed while handling, event left for a retry").log();
							this.queues.release(chatKey, token);
							return;
						}
						case OWNER -> {
						}
					}
				}
				// Only reached when the queue was empty on acquiring.
				if (this.queues.release(chatKey, token) == 0) {
					return;
				}
				// Events arrived between the look and the release: take the lock again.
				step = this.queues.acquire(chatKey, token);
			}
		}
		catch (RuntimeException ex) {
			// Redis unreachable: the events stay queued and the sweeper retries.
			log.atError().setMessage("chat queue drain failed").setCause(ex).log();
		}
	}

	private SessionWrite handle(InboundEvent event, String session, boolean replayed) {
		Timer.Sample sample = Timer.start(this.meters);
		try {
			return this.processor.process(event, session, replayed);
		}
		catch (RuntimeException ex) {
			this.meters.counter("bot.events.failed").increment();
			log.atError()
				.setMessage("event failed, moved to dead letters")
				.addKeyValue("eventKey", event.key())
				.setCause(ex)
				.log();
			if (ex instanceof EventProcessor.DeliveryFailedException failed) {
				// Handled, only not delivered: what the user sent is kept in the session.
				this.deadLetters.record(event, "undelivered " + failed.getCause().getClass().getSimpleName());
				return failed.write();
			}
			this.deadLetters.record(event, ex.getClass().getSimpleName());
			return SessionWrite.KEEP;
		}
		finally {
			sample.stop(this.processing);
		}
	}

	@Override
	public void start() {
		this.workers = Executors.newFixedThreadPool(this.poolSize, Thread.ofPlatform().name("inbox-", 0).factory());
	}

	@Override
	public void stop() {
		ExecutorService current = this.workers;
		this.workers = null;
		if (current != null) {
			current.shutdown();
			try {
				if (!current.awaitTermination(15, TimeUnit.SECONDS)) {
					current.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				current.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}
	}

	// Starts before and stops after the web server, so that every event it accepts is
	// drained here.
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	@Override
	public boolean isRunning() {
		return this.workers != null;
	}

}
