package th.or.depa.sca.bot.inbox;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How incoming events are queued and drained.
 *
 * @param dedupTtl how long an event's id is remembered to drop redeliveries
 * @param lockLease how long a worker owns a chat before another may take over; renewed
 * per event
 * @param sweepInterval how often queues left behind (crash, restart) are looked for
 * @param workers threads handling events in one instance, so chats handled at once
 * @param deadLetterTtl how long an event that failed is kept for an operator
 * @param deadLetterCap how many failed events are kept at most (the oldest go first)
 */
@Validated
@ConfigurationProperties("bot.inbox")
public record InboxProperties(@NotNull @DefaultValue("24h") Duration dedupTtl,
		@NotNull @DefaultValue("60s") Duration lockLease, @NotNull @DefaultValue("2s") Duration sweepInterval,
		@Min(1) @DefaultValue("128") int workers, @NotNull @DefaultValue("14d") Duration deadLetterTtl,
		@Min(1) @DefaultValue("10000") int deadLetterCap) {
}
