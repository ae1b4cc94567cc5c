package th.or.depa.sca.bot.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import th.or.depa.sca.bot.line.LineProperties;

import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator page's API. What a user types becomes a LINE webhook event, signed with
 * the channel secret and posted over HTTP to the bot's own /callback: the production
 * path.
 */
@RestController
@RequestMapping("/simulator/api")
@Conditional(SimulatorMode.class)
class SimulatorController {

	private static final Set<String> EVENT_TYPES = Set.of("message", "postback", "follow", "unfollow");

	private static final int MAX_TEXT = 5000;

	/**
	 * What a datetime picker action adds to its postback, by its mode, in LINE's formats
	 * (RFC 3339 full-date, time-hour:time-minute).
	 */
	private static final Map<String, DateTimeFormatter> PICKER_PARAMS = Map.of("date", strict("uuuu-MM-dd"), "time",
			strict("HH:mm"), "datetime", strict("uuuu-MM-dd'T'HH:mm"));

	private final SimulatorState state;

	private final JsonMapper json;

	private final LineProperties line;

	private final Environment environment;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	SimulatorController(SimulatorState state, JsonMapper json, LineProperties line, Environment environment) {
		this.state = state;
		this.json = json;
		this.line = line;
		this.environment = environment;
	}

	@GetMapping("/users")
	List<SimulatorState.SimulatedUser> users() {
		return this.state.users();
	}

	@GetMapping("/users/{userId}/transcript")
	ResponseEntity<?> transcript(@PathVariable String userId, @RequestParam(defaultValue = "0") long after) {
		if (this.state.user(userId).isEmpty()) {
			return error(HttpStatus.NOT_FOUND, "no simulated user " + userId);
		}
		return ResponseEntity.ok(Map.of("entries", this.state.transcript(userId, after)));
	}

	@PostMapping("/users/{userId}/events")
	ResponseEntity<?> send(@PathVariable String userId, @RequestBody JsonNode request)
			throws IOException, InterruptedException {
		if (this.state.user(userId).isEmpty()) {
			return error(HttpStatus.NOT_FOUND, "no simulated user " + userId);
		}
		String type = request.path("type").asString("");
		if (!EVENT_TYPES.contains(type)) {
			return error(HttpStatus.BAD_REQUEST, "type must be one of " + EVENT_TYPES);
		}
		String text = request.path("text").asString("");
		if (type.equals("message") && (text.isBlank() || text.length() > MAX_TEXT)) {
			return error(HttpStatus.BAD_REQUEST, "text must have 1 to " + MAX_TEXT + " characters");
		}
		String data = request.path("data").asString("");
		if (type.equals("postback") && (data.isBlank() || data.length() > 300)) {
			return error(HttpStatus.BAD_REQUEST, "postback data must have 1 to 300 characters");
		}
		JsonNode params = request.path("params");
		if (!params.isMissingNode() && !(type.equals("postback") && validPickerParams(params))) {
			return error(HttpStatus.BAD_REQUEST,
					"params must be one of date (yyyy-MM-dd), time (HH:mm) or datetime (yyyy-MM-ddTHH:mm), on a postback");
		}
		ObjectNode event = event(userId, type, text, data, params);
		// The user's own line goes first, so the bot's answer always lands below it.
		this.state.record(userId, "user",
				userLine(type, text, data, params, request.path("displayText").asString(null)));
		int status = post(this.json.writeValueAsBytes(this.json.createObjectNode()
			.put("destination", "Usimulatorbot0000000000000000000")
			.set("events", this.json.createArrayNode().add(event))));
		if (status != 200) {
			this.state.record(userId, "system",
					this.json.createObjectNode().put("type", "text").put("text", "webhook answered HTTP " + status));
			return error(HttpStatus.BAD_GATEWAY, "the bot's /callback answered HTTP " + status);
		}
		return ResponseEntity.accepted().body(Map.of("accepted", true));
	}

	private static DateTimeFormatter strict(String pattern) {
		return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
	}

	/** Exactly one of date, time or datetime, as a datetime picker action sends it. */
	private static boolean validPickerParams(JsonNode params) {
		if (!params.isObject() || params.size() != 1) {
			return false;
		}
		String mode = params.propertyNames().iterator().next();
		DateTimeFormatter format = PICKER_PARAMS.get(mode);
		if (format == null || !params.path(mode).isString()) {
			return false;
		}
		try {
			format.parse(params.path(mode).asString());
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private ObjectNode event(String userId, String type, String text, String data, JsonNode params) {
		ObjectNode event = this.json.createObjectNode()
			.put("type", type)
			.put("mode", "active")
			.put("timestamp", System.currentTimeMillis())
			.put("webhookEventId", "01SIM" + SimulatorState.randomHex(11).toUpperCase());
		event.set("source", this.json.createObjectNode().put("type", "user").put("userId", userId));
		event.set("deliveryContext", this.json.createObjectNode().put("isRedelivery", false));
		if (!type.equals("unfollow")) {
			event.put("replyToken", this.state.issueReplyToken(userId));
		}
		switch (type) {
			case "message" -> event.set("message",
					this.json.createObjectNode()
						.put("id", Long.toString(System.nanoTime()))
						.put("type", "text")
						.put("quoteToken", SimulatorState.randomHex(8))
						.put("text", text));
			case "postback" -> {
				ObjectNode postback = this.json.createObjectNode().put("data", data);
				if (!params.isMissingNode()) {
					postback.set("params", params.deepCopy());
				}
				event.set("postback", postback);
			}
			case "follow" -> event.set("follow", this.json.createObjectNode().put("isUnblocked", false));
			default -> {
			}
		}
		return event;
	}

	private JsonNode userLine(String type, String text, String data, JsonNode params, String displayText) {
		ObjectNode line = this.json.createObjectNode().put("type", type);
		if (type.equals("message")) {
			line.put("type", "text").put("text", text);
		}
		else if (type.equals("postback")) {
			line.put("data", data);
			if (!params.isMissingNode()) {
				line.set("params", params.deepCopy());
			}
			if (displayText != null && !displayText.isBlank()) {
				line.put("displayText", displayText);
			}
		}
		return line;
	}

	private int post(byte[] body) throws IOException, InterruptedException {
		String port = this.environment.getProperty("local.server.port", "8080");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/callback"))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json; charset=UTF-8")
			.header("X-Line-Signature", this.line.signature(body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static ResponseEntity<?> error(HttpStatus status, String reason) {
		return ResponseEntity.status(status).body(Map.of("error", reason));
	}

}
