package th.or.depa.sca.bot.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import th.or.depa.sca.bot.inbox.EventInbox;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Mounts the webhook servlet on {@value CallbackServlet#PATH}.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	@Bean
	ServletRegistrationBean<CallbackServlet> callbackServlet(WebhookSignature signature, EventInbox inbox,
			JsonMapper json, MeterRegistry meters, WebhookProperties properties) {
		var registration = new ServletRegistrationBean<>(
				new CallbackServlet(signature, inbox, json, meters, properties.bodyTimeout()), CallbackServlet.PATH);
		registration.setLoadOnStartup(1);
		registration.setAsyncSupported(true);
		return registration;
	}

	/**
	 * Keeps Spring's per-request observation off the webhook. It cost about a tenth of
	 * the bot's CPU under load; the servlet records its own, cheaper metrics
	 * (bot.webhook.requests, bot.webhook.ack).
	 */
	@Bean
	ObservationPredicate noObservationForTheWebhook() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& CallbackServlet.PATH.equals(request.getCarrier().getRequestURI()));
	}

}
