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
 * while the worker handles the chat's events
 * @param sweepInterval how often queues left behind (crash, restart) are looked for
 * @param workers threads handling events in one instance, waiting for LINE included, so
 * chats handled at once
 * @param handlingThreads how many of them may decide (CPU work) at once; 0 for one per
 * core
 * @param eventDeadline how long the LINE calls of one event may take in all, retries
 * included; by default a third of the lease, which is renewed meanwhile anyway
 * @param maxBacklog events queued and not finished, across all instances, above which the
 * webhook answers 503 so that LINE delivers again later
 * @param refusalHold once an event was refused for the backlog, how long further webhooks
 * are refused unread, before one is tried again: refusing costs next to nothing, so an
 * overloaded bot keeps its CPU for the events it accepted
 * @param wakeQueue chats that may wait for a worker in one instance; more are left to the
 * sweeper
 * @param deadLetterTtl how long an event that failed is kept for an operator
 * @param deadLetterCap how many failed events are kept at most (the oldest go first)
 */
@Validated
@ConfigurationProperties("bot.inbox")
public record InboxProperties(@NotNull @DefaultValue("24h") Duration dedupTtl,
		@NotNull @DefaultValue("60s") Duration lockLease, @NotNull @DefaultValue("2s") Duration sweepInterval,
		@Min(1) @DefaultValue("128") int workers, @Min(0) @DefaultValue("0") int handlingThreads,
		@NotNull @DefaultValue("20s") Duration eventDeadline, @Min(1) @DefaultValue("4000") long maxBacklog,
		@NotNull @DefaultValue("250ms") Duration refusalHold, @Min(1) @DefaultValue("10000") int wakeQueue,
		@NotNull @DefaultValue("14d") Duration deadLetterTtl, @Min(1) @DefaultValue("10000") int deadLetterCap) {

	/** CPU slots for deciding: {@code handlingThreads}, or the number of cores. */
	int handlingSlots() {
		return (this.handlingThreads > 0) ? this.handlingThreads : Runtime.getRuntime().availableProcessors();
	}

}
