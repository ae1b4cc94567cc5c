package th.or.depa.sca.bot;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The LINE Messaging API for tests: one WireMock server on loopback for the whole test
 * JVM, so that Spring's cached contexts all point at it.
 */
public final class LineApiStub {

	public static final String REPLY = "/v2/bot/message/reply";

	public static final String PUSH = "/v2/bot/message/push";

	private static final Pattern MARKER = Pattern.compile("msg-(\\d+)");

	private static WireMockServer server;

	private LineApiStub() {
	}

	public static synchronized WireMockServer server() {
		if (server == null) {
			server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(64));
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

	/** Forgets every request and stub, then answers like LINE on a good day. */
	public static void reset() {
		WireMockServer line = server();
		line.resetAll();
		line.stubFor(post(urlEqualTo(REPLY)).atPriority(10)
			.willReturn(okJson("{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}")));
		line.stubFor(post(urlEqualTo(PUSH)).atPriority(10)
			.willReturn(okJson("{\"sentMessages\":[{\"id\":\"2\",\"quoteToken\":\"q\"}]}")));
		line.stubFor(post(urlEqualTo("/v2/bot/chat/loading/start")).atPriority(10)
			.willReturn(aResponse().withStatus(202).withBody("{}")));
	}

	/** Requests received on a path, oldest first. */
	public static List<LoggedRequest> requests(String path) {
		return server().findAll(postRequestedFor(urlEqualTo(path)));
	}

	/** The number in the first "msg-N" marker of a request body, -1 if none. */
	public static int marker(LoggedRequest request) {
		Matcher matcher = MARKER.matcher(request.getBodyAsString());
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
	}

	/**
	 * The reply tokens used for each "msg-N" event replied to: one token per event means
	 * the user saw it once, however often it was tried (LINE accepts a token once).
	 */
	public static Map<Integer, Set<String>> replyTokensByMarker() {
		Map<Integer, Set<String>> tokens = new TreeMap<>();
		for (LoggedRequest reply : requests(REPLY)) {
			tokens.computeIfAbsent(marker(reply), (n) -> new HashSet<>())
				.add(JsonPath.read(reply.getBodyAsString(), "$.replyToken"));
		}
		tokens.remove(-1);
		return tokens;
	}

}
