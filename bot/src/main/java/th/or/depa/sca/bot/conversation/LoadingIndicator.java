package th.or.depa.sca.bot.conversation;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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

	private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2,
			Thread.ofPlatform().name("loading-", 0).daemon().factory());

	LoadingIndicator(LineMessenger messenger, LoadingProperties properties) {
		this.messenger = messenger;
		this.properties = properties;
	}

	/**
	 * Starts watching an answer to the user; close the watch once the answer is ready.
	 * @param userId the user of a one-to-one chat, or null (groups get no animation)
	 */
	Watch watch(String userId) {
		if (userId == null) {
			return NOTHING;
		}
		ScheduledFuture<?> pending = this.timer.schedule(
				() -> this.messenger.showLoading(userId, this.properties.seconds()), this.properties.after().toMillis(),
				TimeUnit.MILLISECONDS);
		return () -> pending.cancel(false);
	}

	@Override
	public void destroy() {
		this.timer.shutdownNow();
	}

	/** An answer being prepared. */
	interface Watch extends AutoCloseable {

		@Override
		void close();

	}

}
