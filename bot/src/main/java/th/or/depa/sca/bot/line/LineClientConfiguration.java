package th.or.depa.sca.bot.line;

import java.net.URI;
import java.time.Duration;

import com.linecorp.bot.client.base.PooledClientBuilder;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.client.MessagingApiExceptionBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Wires the LINE SDK's Messaging API client: one per instance, no body logging, enough
 * connections for the webhook load.
 */
@Configuration(proxyBeanMethods = false)
class LineClientConfiguration {

	private static final Duration IDLE_CONNECTION_KEEP_ALIVE = Duration.ofMinutes(1);

	// Lazy: in simulator mode the stand-in's address is the bot's own port, known only
	// once
	// the web server has started (tests use a random port).
	@Bean
	@Lazy
	MessagingApiClient messagingApiClient(LineProperties properties, Environment environment) {
		return new PooledClientBuilder<>(URI.create("https://api.line.me"), MessagingApiClient.class,
				new MessagingApiExceptionBuilder(), properties.effectiveToken(), properties.maxConcurrentRequests(),
				IDLE_CONNECTION_KEEP_ALIVE)
			.apiEndPoint(apiBaseUrl(properties, environment))
			.connectTimeout(properties.connectTimeout())
			.readTimeout(properties.readTimeout())
			.writeTimeout(properties.readTimeout())
			.maxRequests(properties.maxConcurrentRequests())
			.maxRequestsPerHost(properties.maxConcurrentRequests())
			// The SDK's logger writes request and response bodies: names, messages,
			// tokens.
			.usingDefaultLogger(false)
			.build();
	}

	@Bean
	LineMessenger lineMessenger(ObjectProvider<MessagingApiClient> client, LineProperties properties,
			io.micrometer.core.instrument.MeterRegistry meters) {
		// Resolved once, on first use: the lazy bean needs the web server's port in
		// simulator mode.
		return new LineMessenger(SingletonSupplier.of(client::getObject), properties.retry(), meters);
	}

	// The SDK's paths are absolute (/v2/bot/...), so the base URL is scheme, host and
	// port; Retrofit
	// wants it to end with a slash. In simulator mode the stand-in answers on the bot's
	// own port.
	static URI apiBaseUrl(LineProperties properties, Environment environment) {
		if (!properties.simulator()) {
			String base = properties.apiBaseUrl().toString();
			return URI.create(base.endsWith("/") ? base : base + "/");
		}
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		return URI.create("http://127.0.0.1:" + port + "/");
	}

}
