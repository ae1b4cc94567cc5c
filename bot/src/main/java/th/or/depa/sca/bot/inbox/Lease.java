package th.or.depa.sca.bot.inbox;

/**
 * A worker's hold on one chat's lock while it drains the chat's queue, renewed in the
 * background until the worker is done.
 */
final class Lease {

	private final String chatKey;

	private final String token;

	private final long leaseNanos;

	private volatile long renewedAt;

	private volatile boolean lost;

	/** Whether the holder is in a step that may release the lock (commit, release). */
	private volatile boolean releasing;

	Lease(String chatKey, String token, long leaseNanos) {
		this.chatKey = chatKey;
		this.token = token;
		this.leaseNanos = leaseNanos;
		this.renewedAt = System.nanoTime();
	}

	String chatKey() {
		return this.chatKey;
	}

	String token() {
		return this.token;
	}

	/**
	 * False once another worker may hold the chat: the lock was found taken, or it could
	 * not be renewed before it ran out (counted with a margin, as clocks and Redis
	 * replies drift).
	 */
	boolean held() {
		return !this.lost && System.nanoTime() - this.renewedAt < this.leaseNanos - this.leaseNanos / 10;
	}

	void renewed(long at) {
		this.renewedAt = at;
	}

	void lose() {
		this.lost = true;
	}

	/**
	 * Marks the start ({@code true}) or end of a step of the holder's that may release
	 * the lock itself: a commit that finds the queue empty, a release.
	 */
	void releasing(boolean releasing) {
		this.releasing = releasing;
	}

	/**
	 * The background renewal found the lock no longer this lease's. While the holder is
	 * releasing it, that is the release itself (the holder learns the outcome from its
	 * own step); else another worker may hold the chat and the lease is lost.
	 * @return whether the lease is lost
	 */
	boolean renewalRefused() {
		if (this.releasing) {
			return false;
		}
		this.lost = true;
		return true;
	}

}
