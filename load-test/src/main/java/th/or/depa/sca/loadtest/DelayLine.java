package th.or.depa.sca.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds tasks for one fixed delay, then runs them on an executor (the stub's event loop)
 * in arrival order, several at once when they fall due together.
 *
 * <p>
 * The waiting happens on a thread of its own rather than as tasks scheduled on the event
 * loop: Netty's NIO loop rounds its select timeout to whole milliseconds and polls with
 * {@code selectNow()} for the last half millisecond before every scheduled task, so a
 * scheduled task per answer keeps the loop spinning under load (measured: 72 % of a core
 * at 2000 answers/s, against a few percent this way).
 */
final class DelayLine implements AutoCloseable {

	private final long delayNanos;

	private final Executor executor;

	// Every task waits the same delay, so the queue is ordered by due time.
	private final ConcurrentLinkedQueue<Delayed> queue = new ConcurrentLinkedQueue<>();

	// True while the thread sleeps with nothing queued, so that add() must wake it.
	private final AtomicBoolean idle = new AtomicBoolean();

	private final Thread thread;

	private volatile boolean closed;

	DelayLine(Duration delay, Executor executor, String name) {
		this.delayNanos = delay.toNanos();
		this.executor = executor;
		this.thread = Thread.ofPlatform().daemon().name(name).start(this::run);
	}

	/**
	 * Runs {@code task} on the executor once the delay after {@code startNanos} passed.
	 */
	void add(long startNanos, Runnable task) {
		this.queue.add(new Delayed(startNanos + this.delayNanos, task));
		if (this.idle.compareAndSet(true, false)) {
			LockSupport.unpark(this.thread);
		}
	}

	private void run() {
		List<Runnable> due = new ArrayList<>();
		while (!this.closed) {
			Delayed head = this.queue.peek();
			if (head == null) {
				this.idle.set(true);
				// Re-checked after announcing the sleep, so an add() in between is seen.
				if (this.queue.isEmpty()) {
					LockSupport.park(this);
				}
				this.idle.set(false);
				continue;
			}
			long wait = head.dueNanos() - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(this, wait);
				continue;
			}
			long now = System.nanoTime();
			Delayed next;
			while ((next = this.queue.peek()) != null && next.dueNanos() - now <= 0) {
				due.add(this.queue.poll().task());
			}
			Runnable[] batch = due.toArray(new Runnable[0]);
			due.clear();
			this.executor.execute(() -> {
				for (Runnable task : batch) {
					task.run();
				}
			});
		}
	}

	@Override
	public void close() {
		this.closed = true;
		LockSupport.unpark(this.thread);
	}

	/**
	 * A task and when it falls due.
	 *
	 * @param dueNanos {@link System#nanoTime()} at which it may run
	 * @param task what to run
	 */
	private record Delayed(long dueNanos, Runnable task) {
	}

}
