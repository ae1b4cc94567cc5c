package th.or.depa.sca.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test context a real Redis of its own on loopback, set as its
 * {@code REDIS_URL} as production would have it, and stops it with the context.
 */
public class TestRedis implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		SharedRedis redis;
		try {
			redis = SharedRedis.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start a Redis for the test context", ex);
		}
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testRedis", Map.of("spring.data.redis.url", redis.url())));
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent) {
				try {
					redis.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		});
	}

}
