package th.or.depa.sca.bot;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start a configuration that would be unsafe or silently wrong: a simulator
 * (whose webhook secret is public) with a real LINE token or a Redis on the network, or a
 * production bot without its channel or with a private, non-persistent Redis of its own.
 * Each refusal says what to set. Runs once the environment is complete and before any
 * bean is made (registered in {@code META-INF/spring.factories}), so the reason is the
 * first thing a failed start says.
 */
class ModeGuard implements ApplicationListener<ApplicationPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		check(event.getApplicationContext().getEnvironment());
	}

	static void check(Environment environment) {
		String mode = BotMode.mode(environment);
		boolean token = StringUtils.hasText(environment.getProperty("line.channel-token"));
		String redisUrl = environment.getProperty("spring.data.redis.url", "");
		boolean redis = StringUtils.hasText(redisUrl)
				|| StringUtils.hasText(environment.getProperty("spring.data.redis.host"));
		switch (mode) {
			case "simulator" -> {
				if (token) {
					throw new IllegalStateException(
							"BOT_MODE=simulator refuses to start with LINE_CHANNEL_TOKEN set: the "
									+ "simulator accepts webhooks signed with a secret anyone can read in the source. "
									+ "Unset BOT_MODE (production) to serve a real LINE channel.");
				}
				if (StringUtils.hasText(redisUrl) && !loopback(redisUrl)) {
					throw new IllegalStateException("BOT_MODE=simulator refuses a REDIS_URL that is not on this "
							+ "machine (loopback): the simulator must not write into a shared Redis.");
				}
			}
			case "production" -> {
				if (!token || !StringUtils.hasText(environment.getProperty("line.channel-secret"))) {
					throw new IllegalStateException("Set LINE_CHANNEL_TOKEN and LINE_CHANNEL_SECRET to serve a LINE "
							+ "channel, or BOT_MODE=simulator to try the bot locally (the README's run command does).");
				}
				if (!redis) {
					throw new IllegalStateException("Set REDIS_URL: without it each instance would run a private, "
							+ "non-persistent Redis of its own, and conversations and applications would be lost.");
				}
			}
			default ->
				throw new IllegalStateException("BOT_MODE must be 'production' or 'simulator', was '" + mode + "'");
		}
	}

	private static boolean loopback(String url) {
		try {
			String host = URI.create(url).getHost();
			return host != null && InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (IllegalArgumentException | UnknownHostException ex) {
			return false;
		}
	}

}
