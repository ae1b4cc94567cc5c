package th.or.depa.sca.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One LINE user chatting with the bot through the real webhook: each message or tap is a
 * signed event with its own reply token, and the bot's answer is the reply LINE got for
 * that token.
 */
public final class Chat {

	private static final AtomicInteger TOKENS = new AtomicInteger();

	private final WebhookClient webhook;

	private final String userId;

	public Chat(WebhookClient webhook, String userId) {
		this.webhook = webhook;
		this.userId = userId;
	}

	public String userId() {
		return this.userId;
	}

	/** Types a message and returns the bot's reply (the request body LINE received). */
	public Reply say(String text) {
		String token = token();
		String event = """
				{"type":"message","mode":"active","timestamp":%d,"source":{"type":"user","userId":"%s"},
				"webhookEventId":"%s","deliveryContext":{"isRedelivery":false},"replyToken":"%s",
				"message":{"id":"%d","type":"text","quoteToken":"q","text":"%s"}}"""
			.formatted(System.currentTimeMillis(), this.userId, WebhookClient.newEventId(), token,
					TOKENS.incrementAndGet(), json(text))
			.replace("\n", "");
		return send(event, token);
	}

	/** Taps a button with postback data. */
	public Reply tap(String data) {
		return tap(data, Map.of());
	}

	/** Picks a date with LINE's date picker. */
	public Reply pickDate(String data, String date) {
		return tap(data, Map.of("date", date));
	}

	/** Taps a button at a time of the user's (LINE's timestamp), handled whenever. */
	public Reply tapAt(String data, java.time.Instant sentAt) {
		String token = token();
		return send(tapEvent(WebhookClient.newEventId(), token, data, false).replaceFirst("\"timestamp\":\\d+",
				"\"timestamp\":" + sentAt.toEpochMilli()), token);
	}

	/** The event of a tap, to post as it is (e.g. several times). */
	public String tapEvent(String eventId, String token, String data, boolean redelivery) {
		return ("{\"type\":\"postback\",\"mode\":\"active\",\"timestamp\":%d,\"source\":{\"type\":\"user\","
				+ "\"userId\":\"%s\"},\"webhookEventId\":\"%s\",\"deliveryContext\":{\"isRedelivery\":%s},"
				+ "\"replyToken\":\"%s\",\"postback\":{\"data\":\"%s\"}}")
			.formatted(System.currentTimeMillis(), this.userId, eventId, redelivery, token, json(data));
	}

	private Reply tap(String data, Map<String, String> params) {
		String token = token();
		StringBuilder paramsJson = new StringBuilder();
		params.forEach((name, value) -> paramsJson.append(paramsJson.isEmpty() ? "" : ",")
			.append('"')
			.append(name)
			.append("\":\"")
			.append(value)
			.append('"'));
		String event = ("{\"type\":\"postback\",\"mode\":\"active\",\"timestamp\":%d,\"source\":{\"type\":\"user\","
				+ "\"userId\":\"%s\"},\"webhookEventId\":\"%s\",\"deliveryContext\":{\"isRedelivery\":false},"
				+ "\"replyToken\":\"%s\",\"postback\":{\"data\":\"%s\"%s}}")
			.formatted(System.currentTimeMillis(), this.userId, WebhookClient.newEventId(), token, json(data),
					params.isEmpty() ? "" : ",\"params\":{" + paramsJson + "}");
		return send(event, token);
	}

	private Reply send(String event, String token) {
		assertThat(this.webhook.post(WebhookClient.body(event)).statusCode()).isEqualTo(200);
		return awaitReply(token);
	}

	/** The reply LINE got for a token, waiting for it. */
	public static Reply awaitReply(String token) {
		await().atMost(BotTestSupport.PATIENCE).until(() -> find(token) != null);
		return new Reply(find(token).getBodyAsString());
	}

	/** A fresh reply token. */
	public String token() {
		return "rt" + TOKENS.incrementAndGet() + "x" + this.userId.substring(1, 9);
	}

	private static LoggedRequest find(String token) {
		for (LoggedRequest request : LineApiStub.requests(LineApiStub.REPLY)) {
			if (request.getBodyAsString().contains("\"replyToken\":\"" + token + "\"")) {
				return request;
			}
		}
		return null;
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
	}

	/**
	 * What the bot replied: its messages' texts (a Flex message's alternative text and
	 * every text inside it), and the data of its buttons.
	 *
	 * @param body the reply request's JSON
	 */
	public record Reply(String body) {

		/** The text of every text message, in order. */
		public List<String> texts() {
			return JsonPath.read(this.body, "$.messages[?(@.type=='text')].text");
		}

		/** The last text message (the question a flow asks). */
		public String last() {
			List<String> texts = texts();
			assertThat(texts).as("text messages in " + this.body).isNotEmpty();
			return texts.get(texts.size() - 1);
		}

		/** All texts in the reply, Flex contents included. */
		public String all() {
			List<String> all = new ArrayList<>(JsonPath.read(this.body, "$..text"));
			return String.join("\n", all);
		}

		/** The postback data of the last message's quick replies. */
		public List<String> buttons() {
			return JsonPath.read(this.body, "$.messages[-1].quickReply.items[*].action.data");
		}

		/** The postback data of every button, Flex buttons included. */
		public List<String> allData() {
			return JsonPath.read(this.body, "$..action.data");
		}

		/** Whether the reply carries a Flex message. */
		public boolean hasFlex() {
			return !JsonPath.<List<Object>>read(this.body, "$.messages[?(@.type=='flex')]").isEmpty();
		}

	}

}
