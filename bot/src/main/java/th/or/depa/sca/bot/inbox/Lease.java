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

}
