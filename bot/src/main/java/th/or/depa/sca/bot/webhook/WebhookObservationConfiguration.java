package th.or.depa.sca.bot.webhook;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Keeps Spring's per-request observation off the webhook. It cost about a tenth of the
 * bot's CPU under load; the controller records its own, cheaper metrics
 * (bot.webhook.requests, bot.webhook.ack).
 */
@Configuration(proxyBeanMethods = false)
class WebhookObservationConfiguration {

	@Bean
	ObservationPredicate noObservationForTheWebhook() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& CallbackController.PATH.equals(request.getCarrier().getRequestURI()));
	}

}
