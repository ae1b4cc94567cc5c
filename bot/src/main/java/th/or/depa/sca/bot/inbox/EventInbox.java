package th.or.depa.sca.bot.inbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Takes verified webhook events: drops those seen before, queues the rest durably in
 * Redis and wakes a worker for each chat. Returns once the events are safe, before they
 * are handled. Above {@code BOT_MAX_BACKLOG} events waiting across all instances new ones
 * are refused, so that the webhook answers 503 and LINE delivers them again later,
 * instead of queueing work that would be answered too late.
 */
@Component
public class EventInbox {

	private final ChatQueues queues;

	private final EventDispatcher dispatcher;

	private final long maxBacklog;

	private final long refusalHoldNanos;

	/**
	 * Until when ({@link System#nanoTime}) webhooks are refused unread, an event having
	 * been refused for the backlog.
	 */
	private volatile long refusingUntil = System.nanoTime();

	private final Counter received;

	private final Counter duplicates;

	private final Counter refused;

	EventInbox(ChatQueues queues, EventDispatcher dispatcher, InboxProperties properties, MeterRegistry meters) {
		this.queues = queues;
		this.dispatcher = dispatcher;
		this.maxBacklog = properties.maxBacklog();
		this.refusalHoldNanos = properties.refusalHold().toNanos();
		this.received = Counter.builder("bot.events.received").description("Webhook events received").register(meters);
		this.duplicates = Counter.builder("bot.events.duplicates")
			.description("Webhook events dropped as already seen (redeliveries, retries)")
			.register(meters);
		this.refused = Counter.builder("bot.events.refused")
			.description("Webhook events refused because the backlog was at its limit (LINE redelivers them)")
			.register(meters);
		Gauge.builder("bot.inbox.backlog", queues, ChatQueues::backlog)
			.description("Events queued and not yet finished, all instances")
			.register(meters);
	}

	/**
	 * Queues the events of one webhook that are new, in order; once the backlog is full
	 * the rest are refused (not marked seen, so a redelivery queues them).
	 */
	public Accepted accept(List<InboundEvent> events) {
		Set<String> chats = new LinkedHashSet<>();
		int queued = 0;
		int duplicate = 0;
		int refusedHere = 0;
		for (InboundEvent event : events) {
			this.received.increment();
			if (refusedHere > 0) {
				// The rest of the webhook waits for the redelivery too, in order.
				refusedHere++;
				this.refused.increment();
				continue;
			}
			switch (this.queues.accept(event, this.maxBacklog)) {
				case QUEUED -> {
					queued++;
					chats.add(event.chatKey());
				}
				case DUPLICATE -> {
					duplicate++;
					this.duplicates.increment();
				}
				case REFUSED -> {
					refusedHere++;
					this.refused.increment();
					this.refusingUntil = System.nanoTime() + this.refusalHoldNanos;
				}
			}
		}
		chats.forEach(this.dispatcher::wake);
		return new Accepted(queued, duplicate, refusedHere);
	}

	/**
	 * Whether the backlog was full a moment ago ({@code BOT_REFUSAL_HOLD}): the webhook
	 * is then refused before its body is read, verified or parsed, so that refusing costs
	 * the overloaded bot next to nothing. The first webhook after the hold is tried in
	 * full and sets it again if the backlog is still full.
	 */
	public boolean refusing() {
		return System.nanoTime() - this.refusingUntil < 0;
	}

	/**
	 * Counts a webhook refused unread ({@link #refusing}) with its events unknown.
	 */
	public void refusedUnread() {
		this.refused.increment();
	}

	/**
	 * Queues an event the bot raises itself (a hand-off released or expired); never
	 * refused for the backlog.
	 */
	public void enqueue(InboundEvent event) {
		if (this.queues.accept(event, -1) == ChatQueues.Accept.QUEUED) {
			this.dispatcher.wake(event.chatKey());
		}
	}

	/**
	 * What became of one webhook's events.
	 *
	 * @param queued new events queued
	 * @param duplicates events seen before, dropped
	 * @param refused events refused for the backlog: the webhook must not be acknowledged
	 */
	public record Accepted(int queued, int duplicates, int refused) {

		/** Whether every event is either queued or known. */
		public boolean complete() {
			return this.refused == 0;
		}

	}

}
