package th.or.depa.sca.bot;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance reports ready only once it has warmed its hot path.
 */
class WarmupTests {

	@Test
	void shouldReportNotReadyWhileWarmingUpAndReadyAfter() throws Exception {
		try (SharedRedis redis = SharedRedis.start()) {
			int management = freePort();
			CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(
					() -> redis.instance(null, "--bot.warmup.time=3s", "--management.server.port=" + management));
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
			HttpRequest readiness = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + management + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			List<Integer> seen = new ArrayList<>();
			try {
				while (!starting.isDone()) {
					try {
						seen.add(http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode());
					}
					catch (IOException notListeningYet) {
						// the management server starts a little later
					}
					Thread.sleep(100);
				}
				seen.add(http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode());
			}
			finally {
				starting.get().close();
			}
			assertThat(seen).as("readiness answers while starting").contains(503);
			assertThat(seen.subList(0, seen.indexOf(503) + 1)).doesNotContain(200);
			assertThat(seen.get(seen.size() - 1)).isEqualTo(200);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
