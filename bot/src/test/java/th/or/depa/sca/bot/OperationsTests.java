package th.or.depa.sca.bot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

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

/**
 * Health, metrics and logs. The class has a context of its own, and its first test runs
 * before any event, so it sees the meters as start-up left them.
 */
@TestPropertySource(properties = "bot.test.context=operations")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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

	@Test
	@Order(1)
	void everyMetricTheReadmeListsShouldBeServedFromStartUp() throws Exception {
		Set<String> listed = readmeMetrics();
		assertThat(listed).contains("bot.events.received", "bot.line.errors", "bot.webhook.requests");
		List<String> served = JsonPath.read(get("/actuator/metrics"), "$.names");

		assertThat(served).containsAll(listed);
		for (String metric : listed) {
			assertThat(JsonPath.<List<Number>>read(get("/actuator/metrics/" + metric),
					"$.measurements[?(@.statistic=='COUNT' || @.statistic=='VALUE')].value"))
				.as(metric)
				.containsExactly(0.0);
		}
		String errors = get("/actuator/metrics/bot.line.errors");
		assertThat(JsonPath.<List<String>>read(errors, "$.availableTags[?(@.tag=='operation')].values[*]"))
			.contains("reply", "push");
		assertThat(JsonPath.<List<String>>read(errors, "$.availableTags[?(@.tag=='status')].values[*]")).contains("0",
				"400", "429", "500");
		assertThat(JsonPath.<List<String>>read(get("/actuator/metrics/bot.webhook.requests"),
				"$.availableTags[?(@.tag=='outcome')].values[*]"))
			.contains("accepted", "bad-signature", "redis-unavailable");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void shouldLogOneJsonLinePerHandledEventOutsideTheSimulator(CapturedOutput output) {
		String user = newUserId();
		this.webhook.post(body(text(newEventId(), user, "json log line", false)));
		awaitQuiet(user);

		List<String> handled = output.getOut().lines().filter((line) -> line.contains("\"event handled\"")).toList();
		assertThat(handled).isNotEmpty().allSatisfy((line) -> {
			assertThat(line).startsWith("{").endsWith("}");
			assertThat((String) JsonPath.read(line, "$.message")).isEqualTo("event handled");
			assertThat((String) JsonPath.read(line, "$.log.level")).isEqualTo("INFO");
			assertThat((String) JsonPath.read(line, "$.outcome")).isNotBlank();
		});
	}

	@Test
	void shouldServeProbesAndAPrometheusScrapeOnTheManagementPort() throws Exception {
		assertThat((String) JsonPath.read(get("/actuator/health/liveness"), "$.status")).isEqualTo("UP");
		assertThat((String) JsonPath.read(get("/actuator/health/readiness"), "$.status")).isEqualTo("UP");
		assertThat(get("/actuator/prometheus")).contains("bot_events_received_total", "bot_line_errors_total");
	}

	@Test
	void shouldServeNoActuatorEndpointOnTheWebhookPort() throws Exception {
		for (String path : List.of("/actuator", "/actuator/health", "/actuator/metrics", "/actuator/prometheus",
				"/actuator/deadletters")) {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(404);
		}
		assertThat(this.managementPort).isNotEqualTo(this.port);
	}

	/** The metric names in the README's "Operations" section. */
	private static Set<String> readmeMetrics() throws IOException {
		String readme = Files.readString(Path.of("../README.md"));
		int start = readme.indexOf("\n## Operations\n");
		assertThat(start).as("README has an Operations section").isNotNegative();
		int end = readme.indexOf("\n## ", start + 1);
		String section = readme.substring(start, (end < 0) ? readme.length() : end);
		Set<String> names = new TreeSet<>();
		Matcher matcher = Pattern.compile("`(bot\\.[a-z.]+[a-z])`").matcher(section);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private double count(String metric, String query) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/metrics/" + metric + query))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 404) {
			return 0;
		}
		java.util.List<Number> counts = JsonPath.read(response.body(), "$.measurements[?(@.statistic=='COUNT')].value");
		return counts.isEmpty() ? 0 : counts.get(0).doubleValue();
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

}
