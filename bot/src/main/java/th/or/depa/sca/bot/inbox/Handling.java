package th.or.depa.sca.bot.inbox;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;

/**
 * The event a worker thread is handling right now, as the code that calls out (LINE) sees
 * it: a CPU slot to give back while waiting, a deadline for the calls, and whether the
 * chat's lease is still this worker's.
 * <p>
 * Handling is CPU work and runs in at most {@code BOT_HANDLING_THREADS} slots at once (as
 * many as there are cores by default), so that webhook acknowledgements never queue
 * behind it; a thread waiting for LINE gives its slot to another chat meanwhile, so slow
 * LINE calls do not cut the rate at which events are decided.
 */
public final class Handling {

	private static final ThreadLocal<Handling> CURRENT = new ThreadLocal<>();

	private final Semaphore cpu;

	private final long deadline;

	private final Lease lease;

	private boolean holdsSlot;

	private Handling(Semaphore cpu, Duration budget, Lease lease) {
		this.cpu = cpu;
		this.lease = lease;
		this.deadline = System.nanoTime() + budget.toNanos();
	}

	/**
	 * The handling on this thread, or null outside a worker (tests, start-up, scheduled
	 * jobs).
	 */
	public static Handling current() {
		return CURRENT.get();
	}

	/** Starts handling on this thread, taking a CPU slot first. */
	static Handling begin(Semaphore cpu, Duration budget, Lease lease) throws InterruptedException {
		Handling handling = new Handling(cpu, budget, lease);
		cpu.acquire();
		handling.holdsSlot = true;
		CURRENT.set(handling);
		return handling;
	}

	/** Ends handling on this thread and gives the slot back. */
	void end() {
		CURRENT.remove();
		if (this.holdsSlot) {
			this.holdsSlot = false;
			this.cpu.release();
		}
	}

	/**
	 * Runs a call that waits (for LINE) without holding a CPU slot, and takes one again
	 * before going on.
	 */
	public <T> T waiting(Callable<T> call) throws Exception {
		if (!this.holdsSlot) {
			return call.call();
		}
		this.holdsSlot = false;
		this.cpu.release();
		try {
			return call.call();
		}
		finally {
			this.cpu.acquireUninterruptibly();
			this.holdsSlot = true;
		}
	}

	/** Time left for calls out; zero or negative once the deadline has passed. */
	public Duration remaining() {
		return Duration.ofNanos(this.deadline - System.nanoTime());
	}

	/**
	 * False once another worker may have taken the chat: then nothing more may be sent
	 * for this event, and its result will not be stored.
	 */
	public boolean leaseHeld() {
		return this.lease.held();
	}

	/**
	 * Thrown when a worker is about to send after losing its chat's lease: the event is
	 * the other worker's now.
	 */
	public static class LeaseLostException extends RuntimeException {

		public LeaseLostException(String operation) {
			super(operation + " not sent: the chat's lease was lost to another worker");
		}

	}

}
