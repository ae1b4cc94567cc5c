package th.or.depa.sca.bot.conversation;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;

import th.or.depa.sca.bot.line.LineMessenger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Shows LINE's loading animation when an answer takes longer than a moment, and never
 * when it is quick (most answers are: an animation that flashes for a few milliseconds is
 * noise and costs an API call).
 */
@Component
class LoadingIndicator implements DisposableBean {

	private static final Watch NOTHING = () -> {
	};

	private final LineMessenger messenger;

	private final LoadingProperties properties;

	/**
	 * A wheel: every answer sets a timer and nearly every one is cancelled within
	 * milliseconds, which a wheel takes without waking its thread (a scheduled executor
	 * is woken by each).
	 */
	private final HashedWheelTimer timer = new HashedWheelTimer(
			Thread.ofPlatform().name("loading-timer").daemon().factory(), 50, TimeUnit.MILLISECONDS);

	/**
	 * Sends the animations that are due, so that a slow LINE call does not hold the
	 * wheel; when both are busy and 100 wait, more are dropped (the animation is a
	 * nicety).
	 */
	private final ThreadPoolExecutor senders = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(100), Thread.ofPlatform().name("loading-", 0).daemon().factory(),
			new ThreadPoolExecutor.DiscardPolicy());

	LoadingIndicator(LineMessenger messenger, LoadingProperties properties) {
		this.messenger = messenger;
		this.properties = properties;
		this.senders.allowCoreThreadTimeOut(true);
	}

	/**
	 * Starts watching an answer to the user; close the watch once the answer is ready.
	 * @param userId the user of a one-to-one chat, or null (groups get no animation)
	 */
	Watch watch(String userId) {
		if (userId == null) {
			return NOTHING;
		}
		Timeout pending = this.timer.newTimeout(
				(timeout) -> this.senders.execute(() -> this.messenger.showLoading(userId, this.properties.seconds())),
				this.properties.after().toMillis(), TimeUnit.MILLISECONDS);
		return pending::cancel;
	}

	@Override
	public void destroy() {
		this.timer.stop();
		this.senders.shutdownNow();
	}

	/** An answer being prepared. */
	interface Watch extends AutoCloseable {

		@Override
		void close();

	}

}
