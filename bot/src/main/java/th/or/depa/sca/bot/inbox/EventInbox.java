package th.or.depa.sca.bot.inbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Takes verified webhook events: drops those seen before, queues the rest durably in
 * Redis and wakes a worker for each chat. Returns once the events are safe, before they
 * are handled.
 */
@Component
public class EventInbox {

	private final ChatQueues queues;

	private final EventDispatcher dispatcher;

	private final Counter received;

	private final Counter duplicates;

	EventInbox(ChatQueues queues, EventDispatcher dispatcher, MeterRegistry meters) {
		this.queues = queues;
		this.dispatcher = dispatcher;
		this.received = Counter.builder("bot.events.received").description("Webhook events received").register(meters);
		this.duplicates = Counter.builder("bot.events.duplicates")
			.description("Webhook events dropped as already seen (redeliveries, retries)")
			.register(meters);
	}

	/** Queues the events that are new; returns how many were new. */
	public int accept(List<InboundEvent> events) {
		Set<String> chats = new LinkedHashSet<>();
		int accepted = 0;
		for (InboundEvent event : events) {
			this.received.increment();
			if (this.queues.accept(event)) {
				accepted++;
				chats.add(event.chatKey());
			}
			else {
				this.duplicates.increment();
			}
		}
		chats.forEach(this.dispatcher::wake);
		return accepted;
	}

}
