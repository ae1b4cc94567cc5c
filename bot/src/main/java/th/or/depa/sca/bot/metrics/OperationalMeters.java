package th.or.depa.sca.bot.metrics;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Registers at start-up, at zero, the counters that the features otherwise create on
 * their first increment: a failure that has not happened yet should read 0, not "no such
 * metric" (an alert on a rate cannot tell the two apart). Counters the features register
 * in their constructors are not repeated here; a meter is the same one whoever registers
 * it first.
 */
@Component
class OperationalMeters {

	/** The operations {@code LineMessenger} names in {@code bot.line.errors}. */
	static final List<String> LINE_OPERATIONS = List.of("reply", "push", "multicast", "broadcast", "loading");

	/** The statuses worth a series before they happen: 0 is "no response". */
	static final List<String> LINE_STATUSES = List.of("0", "400", "401", "403", "429", "500");

	/** The outcomes {@code CallbackServlet} counts in {@code bot.webhook.requests}. */
	static final List<String> WEBHOOK_OUTCOMES = List.of("accepted", "missing-signature", "malformed-signature",
			"bad-signature", "too-large", "malformed-body", "redis-unavailable");

	OperationalMeters(MeterRegistry meters) {
		Counter.builder("bot.events.failed")
			.description("Events whose handling failed; kept in the dead letters")
			.register(meters);
		for (String operation : LINE_OPERATIONS) {
			for (String status : LINE_STATUSES) {
				Counter.builder("bot.line.errors")
					.description("Failed LINE API calls by operation and HTTP status (0 = no response)")
					.tags("operation", operation, "status", status)
					.register(meters);
			}
		}
		for (String outcome : WEBHOOK_OUTCOMES) {
			Counter.builder("bot.webhook.requests")
				.description("Webhook requests by outcome")
				.tag("outcome", outcome)
				.register(meters);
		}
	}

}
