package th.or.depa.sca.bot;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.linecorp.bot.client.base.PooledClientBuilder;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.client.MessagingApiExceptionBuilder;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import com.linecorp.bot.messaging.model.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The LINE client keeps as many idle connections as the bot uses at once, where the SDK's
 * default keeps five and opens new ones under load.
 */
class LineConnectionPoolTests {

	private static final int CONCURRENT = 24;

	@AfterEach
	void reset() {
		LineApiStub.reset();
	}

	@Test
	void shouldKeepEveryConnectionOfAConcurrentBurstForReuse() {
		LineApiStub.reset();
		LineApiStub.server()
			.stubFor(post(urlEqualTo(LineApiStub.REPLY)).atPriority(1)
				.willReturn(okJson("{\"sentMessages\":[]}").withFixedDelay(300)));
		var pooled = new PooledClientBuilder<>(URI.create("https://api.line.me"), MessagingApiClient.class,
				new MessagingApiExceptionBuilder(), "test-channel-token", 64, Duration.ofMinutes(1));
		MessagingApiClient client = pooled.apiEndPoint(stubUri()).maxRequestsPerHost(64).build();

		burst(client);

		// With the SDK's default pool (5 idle) the other connections would be closed.
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> pooled.connectionPool().idleConnectionCount() == CONCURRENT);
	}

	private static void burst(MessagingApiClient client) {
		List<CompletableFuture<?>> calls = IntStream.range(0, CONCURRENT)
			.<CompletableFuture<?>>mapToObj((i) -> client
				.replyMessage(new ReplyMessageRequest("token-" + i, List.of(new TextMessage("pool " + i)), false)))
			.toList();
		CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
		assertThat(LineApiStub.requests(LineApiStub.REPLY)).hasSize(CONCURRENT);
	}

	private static URI stubUri() {
		return URI.create("http://127.0.0.1:" + LineApiStub.server().port() + "/");
	}

}
