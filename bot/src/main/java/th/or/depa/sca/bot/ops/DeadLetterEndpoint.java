package th.or.depa.sca.bot.ops;

import java.util.List;
import java.util.Map;

import th.or.depa.sca.bot.inbox.DeadLetters;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * The operator's command for dead letters, on the management port (loopback by default):
 * {@code GET /actuator/deadletters} lists the newest (nothing personal in them),
 * {@code POST /actuator/deadletters/{id}} queues one's event on its chat again.
 */
@Component
@Endpoint(id = "deadletters")
class DeadLetterEndpoint {

	private static final int LISTED = 200;

	private final DeadLetters letters;

	DeadLetterEndpoint(DeadLetters letters) {
		this.letters = letters;
	}

	@ReadOperation
	List<DeadLetters.Letter> list() {
		return this.letters.list(LISTED);
	}

	@WriteOperation
	Map<String, Object> replay(@Selector String id) {
		return Map.of("id", id, "replayed", this.letters.replay(id));
	}

}
