package th.or.depa.sca.bot.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import th.or.depa.sca.bot.line.LineProperties;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stands in for the LINE Messaging API in local development: the bot's real LINE client
 * talks to it over HTTP, and it behaves as LINE does where the bot depends on it (bearer
 * token, one-time reply tokens that expire, 409 for a reused retry key) and records what
 * was sent.
 */
@RestController
@RequestMapping("/v2/bot")
@Conditional(SimulatorMode.class)
class LineApiStandIn {

	private final SimulatorState state;

	LineApiStandIn(SimulatorState state) {
		this.state = state;
	}

	@PostMapping("/message/reply")
	ResponseEntity<?> reply(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestBody JsonNode body) {
		if (!authorized(auth)) {
			return unauthorized();
		}
		Optional<String> userId = this.state.useReplyToken(body.path("replyToken").asString(null));
		if (userId.isEmpty()) {
			return error(HttpStatus.BAD_REQUEST, "Invalid reply token");
		}
		return deliver(List.of(userId.get()), body.path("messages"));
	}

	@PostMapping("/message/push")
	ResponseEntity<?> push(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestHeader(name = "X-Line-Retry-Key", required = false) String retryKey, @RequestBody JsonNode body) {
		if (!authorized(auth)) {
			return unauthorized();
		}
		String to = body.path("to").asString("");
		if (this.state.user(to).isEmpty()) {
			return error(HttpStatus.BAD_REQUEST, "The property, 'to', in the request body is invalid");
		}
		if (!this.state.firstUseOf(retryKey)) {
			return error(HttpStatus.CONFLICT, "The retry key is already accepted");
		}
		return deliver(List.of(to), body.path("messages"));
	}

	@PostMapping("/message/multicast")
	ResponseEntity<?> multicast(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestHeader(name = "X-Line-Retry-Key", required = false) String retryKey, @RequestBody JsonNode body) {
		if (!authorized(auth)) {
			return unauthorized();
		}
		List<String> to = new ArrayList<>();
		body.path("to").forEach((id) -> this.state.user(id.asString("")).ifPresent((user) -> to.add(user.userId())));
		if (!this.state.firstUseOf(retryKey)) {
			return error(HttpStatus.CONFLICT, "The retry key is already accepted");
		}
		return deliver(to, body.path("messages"));
	}

	@PostMapping("/message/broadcast")
	ResponseEntity<?> broadcast(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestHeader(name = "X-Line-Retry-Key", required = false) String retryKey, @RequestBody JsonNode body) {
		if (!authorized(auth)) {
			return unauthorized();
		}
		if (!this.state.firstUseOf(retryKey)) {
			return error(HttpStatus.CONFLICT, "The retry key is already accepted");
		}
		return deliver(this.state.users().stream().map(SimulatorState.SimulatedUser::userId).toList(),
				body.path("messages"));
	}

	@PostMapping("/chat/loading/start")
	ResponseEntity<?> loading(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
		return authorized(auth) ? ResponseEntity.accepted().body(Map.of()) : unauthorized();
	}

	@GetMapping("/profile/{userId}")
	ResponseEntity<?> profile(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String userId) {
		if (!authorized(auth)) {
			return unauthorized();
		}
		return this.state.user(userId)
			.<ResponseEntity<?>>map((user) -> ResponseEntity
				.ok(Map.of("userId", user.userId(), "displayName", user.displayName(), "language", "th")))
			.orElseGet(() -> error(HttpStatus.NOT_FOUND, "Not found"));
	}

	private ResponseEntity<?> deliver(List<String> userIds, JsonNode messages) {
		if (!messages.isArray() || messages.isEmpty() || messages.size() > 5) {
			return error(HttpStatus.BAD_REQUEST, "The request body has 1 error(s): messages must be 1 to 5");
		}
		List<Map<String, String>> sent = new ArrayList<>();
		for (String userId : userIds) {
			for (JsonNode message : messages) {
				this.state.record(userId, "bot", message);
				sent.add(Map.of("id", SimulatorState.randomHex(8), "quoteToken", SimulatorState.randomHex(8)));
			}
		}
		return ResponseEntity.ok(Map.of("sentMessages", sent));
	}

	private static boolean authorized(String auth) {
		return ("Bearer " + LineProperties.SIMULATOR_TOKEN).equals(auth);
	}

	private static ResponseEntity<?> unauthorized() {
		return error(HttpStatus.UNAUTHORIZED, "Authentication failed. Confirm that the access token is valid.");
	}

	private static ResponseEntity<?> error(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("message", message));
	}

}
