package th.or.depa.sca.bot.inbox;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.depa.sca.bot.session.SessionWrite;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains chat queues: one worker per chat at a time across all instances (the chat's
 * Redis lock, renewed while the worker is busy), events in queue order, different chats
 * in parallel.
 * <ul>
 * <li>Wake-ups are coalesced: a chat is queued for a worker at most once, however many
 * events arrive for it meanwhile, and the queue of chats is bounded; a chat left out is
 * found by the sweeper, as its events wait in Redis.</li>
 * <li>Deciding is CPU work and runs in at most {@code BOT_HANDLING_THREADS} slots
 * ({@link Handling}); threads waiting for LINE give their slot up, and LINE calls of one
 * event end by {@code BOT_EVENT_DEADLINE}, well inside the lease.</li>
 * <li>A worker whose lease was lost sends nothing more and its result is refused; the
 * other worker handles the event as a replay.</li>
 * <li>A Redis error releases the chat at once and leaves the event queued for a retry;
 * only an event that fails by itself becomes a dead letter.</li>
 * </ul>
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

	private final InboxProperties properties;

	private final Semaphore cpu;

	private final Duration eventDeadline;

	/** Chats queued for a worker and not yet started. */
	private final Set<String> waking = ConcurrentHashMap.newKeySet();

	/** Leases held by this instance's workers, renewed in the background. */
	private final Set<Lease> leases = ConcurrentHashMap.newKeySet();

	private volatile ThreadPoolExecutor workers;

	private volatile ScheduledExecutorService renewer;

	EventDispatcher(ChatQueues queues, DeadLetters deadLetters, EventProcessor processor, InboxProperties properties,
			MeterRegistry meters) {
		this.queues = queues;
		this.deadLetters = deadLetters;
		this.processor = processor;
		this.properties = properties;
		this.meters = meters;
		this.cpu = new Semaphore(properties.handlingSlots(), true);
		this.eventDeadline = properties.eventDeadline();
		this.processing = Timer.builder("bot.events.processing")
			.description("Time to handle one event, LINE calls included")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
		// Registered now, so that they read 0 rather than being missing until the first.
		meters.counter("bot.inbox.lease.lost");
		meters.counter("bot.inbox.redis.errors");
		meters.counter("bot.inbox.wake.rejected");
		Gauge.builder("bot.inbox.waking", this.waking, Set::size)
			.description("Chats waiting for a worker in this instance")
			.register(meters);
	}

	/**
	 * Asks for the chat's queue to be drained; a no-op if the chat is already waiting for
	 * a worker here. A worker that finds the chat's lock taken leaves it to its holder.
	 */
	void wake(String chatKey) {
		ThreadPoolExecutor current = this.workers;
		if (current == null || !this.waking.add(chatKey)) {
			return; // not running (the sweeper picks it up), or already waiting
		}
		try {
			current.execute(() -> {
				this.waking.remove(chatKey);
				drain(chatKey);
			});
		}
		catch (RejectedExecutionException ex) {
			// Full, or shutting down: the events wait in Redis for the sweeper.
			this.waking.remove(chatKey);
			this.meters.counter("bot.inbox.wake.rejected").increment();
		}
	}

	/**
	 * Finds queues nobody drains: left by a crashed instance, or not woken while this one
	 * was full.
	 */
	@Scheduled(fixedDelayString = "${bot.inbox.sweep-interval:2s}")
	void sweep() {
		if (this.workers == null) {
			return;
		}
		try {
			for (String chatKey : this.queues.activeChats()) {
				wake(chatKey);
			}
		}
		catch (RuntimeException ex) {
			log.atWarn().setMessage("sweep failed, redis unavailable").addKeyValue("error", describe(ex)).log();
		}
	}

	/** Extends the leases of chats being drained; marks those that were lost. */
	void renewLeases() {
		for (Lease lease : this.leases) {
			long at = System.nanoTime();
			try {
				if (this.queues.renew(lease.chatKey(), lease.token())) {
					lease.renewed(at);
				}
				else if (lease.renewalRefused()) {
					log.atWarn().setMessage("chat lease lost while handling").log();
				}
			}
			catch (RuntimeException ex) {
				// Not renewed this time; Lease.held() turns false if it stays so.
				log.atWarn().setMessage("chat lease not renewed").addKeyValue("error", describe(ex)).log();
			}
		}
	}

	private void drain(String chatKey) {
		Lease lease = new Lease(chatKey, UUID.randomUUID().toString(), this.properties.lockLease().toNanos());
		boolean holding = false;
		try {
			long at = System.nanoTime();
			ChatQueues.Step step = this.queues.acquire(chatKey, lease.token());
			while (step.owner()) {
				holding = true;
				lease.renewed(at);
				lease.releasing(false);
				this.leases.add(lease);
				while (step.head() != null) {
					InboundEvent event = this.queues.event(chatKey, step.head());
					SessionWrite write = handle(event, step.session(), step.replayed(), lease);
					if (write == null) {
						return; // lease lost: the event is the other worker's now
					}
					at = System.nanoTime();
					lease.releasing(true);
					step = this.queues.commit(chatKey, lease.token(), write);
					switch (step.outcome()) {
						case RELEASED -> {
							holding = false;
							return; // queue empty, lock released in the same step
						}
						case NOT_OWNER -> {
							holding = false;
							log.atWarn().setMessage("lost chat lock, another worker took over").log();
							return;
						}
						case SESSION_CHANGED -> {
							// Something outside this worker wrote the session meanwhile:
							// the
							// event stays queued and is handled again from the new
							// session.
							log.atWarn().setMessage("session changed while handling, event left for a retry").log();
							return;
						}
						case OWNER -> {
							lease.renewed(at);
							lease.releasing(false);
						}
					}
				}
				// Only reached when the queue was empty on acquiring.
				holding = false;
				lease.releasing(true);
				if (this.queues.release(chatKey, lease.token()) == 0) {
					return;
				}
				// Events arrived between the look and the release: take the lock again.
				at = System.nanoTime();
				step = this.queues.acquire(chatKey, lease.token());
			}
		}
		catch (RuntimeException ex) {
			// Redis unreachable or failing: the events stay queued and the sweeper
			// retries.
			this.meters.counter("bot.inbox.redis.errors").increment();
			log.atWarn().setMessage("chat queue drain interrupted by redis").addKeyValue("error", describe(ex)).log();
		}
		finally {
			this.leases.remove(lease);
			if (holding) {
				releaseQuietly(lease);
			}
		}
	}

	/**
	 * Handles one event; returns the session change to commit, or null when the lease was
	 * lost meanwhile. Throws {@link TransientRedisException} when Redis failed, so that
	 * the drain releases the chat and the event is tried again.
	 */
	private SessionWrite handle(InboundEvent event, String session, boolean replayed, Lease lease) {
		Timer.Sample sample = Timer.start(this.meters);
		Handling handling;
		try {
			handling = Handling.begin(this.cpu, this.eventDeadline, lease);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransientRedisException(ex); // shutting down: leave it queued
		}
		try {
			SessionWrite write = this.processor.process(event, session, replayed);
			return lease.held() ? write : abandoned();
		}
		catch (RuntimeException | Error ex) {
			if (!lease.held()) {
				return abandoned();
			}
			if (transientRedis(ex)) {
				throw new TransientRedisException(ex);
			}
			if (ex instanceof VirtualMachineError && !(ex instanceof StackOverflowError)) {
				throw (Error) ex; // out of memory: the chat is released, the event stays
			}
			return deadLetter(event, ex);
		}
		finally {
			handling.end();
			sample.stop(this.processing);
		}
	}

	private SessionWrite deadLetter(InboundEvent event, Throwable ex) {
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

	private SessionWrite abandoned() {
		this.meters.counter("bot.inbox.lease.lost").increment();
		log.atWarn().setMessage("chat lease lost while handling, result dropped").log();
		return null;
	}

	private void releaseQuietly(Lease lease) {
		try {
			this.queues.release(lease.chatKey(), lease.token());
		}
		catch (RuntimeException ex) {
			// The lease runs out by itself.
			log.atWarn().setMessage("chat lock not released").addKeyValue("error", describe(ex)).log();
		}
	}

	/** Whether the failure is Redis being unreachable or slow, not the event itself. */
	static boolean transientRedis(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransientRedisException || cause instanceof RedisConnectionFailureException
					|| cause instanceof QueryTimeoutException || cause instanceof TransientDataAccessException
					|| cause instanceof RedisConnectionException || cause instanceof RedisCommandTimeoutException) {
				return true;
			}
			String message = cause.getMessage();
			if (message != null && (message.startsWith("LOADING") || message.startsWith("BUSY")
					|| message.startsWith("MASTERDOWN") || message.startsWith("READONLY"))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName();
	}

	@Override
	public void start() {
		int threads = this.properties.workers();
		ThreadFactory named = Thread.ofPlatform().name("inbox-", 0).factory();
		ClassLoader loader = EventDispatcher.class.getClassLoader();
		// Workers start when first needed, often from a request thread: they must not
		// inherit the web server's class loader, which a restart leaves stopped.
		ThreadFactory factory = (task) -> {
			Thread thread = named.newThread(task);
			thread.setContextClassLoader(loader);
			return thread;
		};
		ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(this.properties.wakeQueue()), factory);
		pool.allowCoreThreadTimeOut(true);
		this.workers = pool;
		ScheduledExecutorService timer = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("inbox-lease").daemon().factory());
		long every = Math.max(100, this.properties.lockLease().toMillis() / 3);
		timer.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
		this.renewer = timer;
	}

	@Override
	public void stop() {
		ThreadPoolExecutor current = this.workers;
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
		ScheduledExecutorService timer = this.renewer;
		this.renewer = null;
		if (timer != null) {
			timer.shutdownNow();
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

	/** Redis failed while an event was handled: the chat is released for a retry. */
	static class TransientRedisException extends RuntimeException {

		TransientRedisException(Throwable cause) {
			super("redis unavailable while handling", cause);
		}

	}

}
