package th.or.depa.sca.bot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts LINE-shaped webhooks to a running bot over real HTTP, signed as LINE signs them.
 */
public final class WebhookClient {

	public static final String SECRET = "test-channel-secret";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final int port;

	public WebhookClient(int port) {
		this.port = port;
	}

	/** Posts a body with a correct signature. */
	public HttpResponse<String> post(String body) {
		return post(body.getBytes(StandardCharsets.UTF_8), sign(body.getBytes(StandardCharsets.UTF_8)));
	}

	/** Posts a body with the given signature header (null: none). */
	public HttpResponse<String> post(byte[] body, String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/callback"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json; charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("X-Line-Signature", signature);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("POST /callback failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	public static String sign(byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A webhook body holding the given event objects. */
	public static String body(String... events) {
		return "{\"destination\":\"Ubot00000000000000000000000000000\",\"events\":[" + String.join(",", events) + "]}";
	}

	/** A text message event from a user. */
	public static String text(String eventId, String userId, String text, boolean redelivery) {
		return """
				{"type":"message","mode":"active","timestamp":%d,"source":{"type":"user","userId":"%s"},%s
				"deliveryContext":{"isRedelivery":%s},"replyToken":"%s",
				"message":{"id":"%d","type":"text","quoteToken":"q","text":"%s"}}"""
			.formatted(System.currentTimeMillis(), userId,
					(eventId != null) ? "\"webhookEventId\":\"" + eventId + "\"," : "", redelivery,
					replyToken(eventId, userId, text), Math.abs(text.hashCode()), escaped(text))
			.replace("\n", "");
	}

	/**
	 * The text as it stands inside a JSON string: quotes, backslashes and controls
	 * escaped.
	 */
	private static String escaped(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	/** Any event: the caller gives its type, source JSON and extra fields. */
	public static String event(String eventId, String type, String mode, String source, String extra) {
		return ("{\"type\":\"%s\",\"mode\":\"%s\",\"timestamp\":%d,\"source\":%s,\"webhookEventId\":\"%s\","
				+ "\"deliveryContext\":{\"isRedelivery\":false}%s}")
			.formatted(type, mode, System.currentTimeMillis(), source, eventId, (extra.isEmpty() ? "" : "," + extra));
	}

	public static String userSource(String userId) {
		return "{\"type\":\"user\",\"userId\":\"" + userId + "\"}";
	}

	public static String newUserId() {
		return "U" + UUID.randomUUID().toString().replace("-", "");
	}

	public static String newEventId() {
		return "01TEST" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
	}

	// Stable per event, so the same event redelivered carries the same token, as with
	// LINE.
	private static String replyToken(String eventId, String userId, String text) {
		return UUID.nameUUIDFromBytes((eventId + userId + text).getBytes(StandardCharsets.UTF_8))
			.toString()
			.replace("-", "");
	}

}
