package th.or.depa.sca.bot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static th.or.depa.sca.bot.LineApiStub.PUSH;
import static th.or.depa.sca.bot.LineApiStub.REPLY;
import static th.or.depa.sca.bot.WebhookClient.body;
import static th.or.depa.sca.bot.WebhookClient.newEventId;
import static th.or.depa.sca.bot.WebhookClient.newUserId;
import static th.or.depa.sca.bot.WebhookClient.text;

class OperationsTests extends BotTestSupport {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void healthShouldIncludeRedis() throws Exception {
		String health = get("/actuator/health");

		assertThat((String) JsonPath.read(health, "$.status")).isEqualTo("UP");
		assertThat((String) JsonPath.read(health, "$.components.redis.status")).isEqualTo("UP");
	}

	@Test
	void metricsShouldCountEventsRepliesPushesErrorsAndProcessingTime() throws Exception {
		double received = count("bot.events.received", "");
		double replies = count("bot.line.replies", "");
		double pushes = count("bot.line.pushes", "");
		double errors400 = count("bot.line.errors", "?tag=status:400");
		double processed = count("bot.events.processing", "");
		double acked = count("bot.webhook.ack", "");
		LineApiStub.server()
			.stubFor(post(urlEqualTo(REPLY)).atPriority(1)
				.withRequestBody(containing("msg-expired"))
				.willReturn(aResponse().withStatus(400).withBody("{\"message\":\"Invalid reply token\"}")));
		String user = newUserId();

		this.webhook.post(body(text(newEventId(), user, "msg-expired", false)));
		awaitRequests(PUSH, 1);
		awaitQuiet(user);

		assertThat(count("bot.events.received", "") - received).isEqualTo(2);
		assertThat(count("bot.line.replies", "") - replies).isEqualTo(1);
		assertThat(count("bot.line.pushes", "") - pushes).isEqualTo(1);
		assertThat(count("bot.line.errors", "?tag=status:400") - errors400).isEqualTo(1);
		assertThat(count("bot.events.processing", "") - processed).isEqualTo(2);
		assertThat(count("bot.webhook.ack", "") - acked).isEqualTo(2);
		assertThat(get("/actuator/metrics/bot.webhook.requests?tag=outcome:accepted")).contains("COUNT");
	}

	private double count(String metric, String query) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/metrics/" + metric + query))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 404) {
			return 0;
		}
		java.util.List<Number> counts = JsonPath.read(response.body(), "$.measurements[?(@.statistic=='COUNT')].value");
		return counts.isEmpty() ? 0 : counts.get(0).doubleValue();
	}

	private String get(String path) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
