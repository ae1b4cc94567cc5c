package th.or.depa.sca.bot.inbox;

/**
 * Handles one event; called for the events of one chat one at a time, in arrival order.
 */
@FunctionalInterface
public interface EventProcessor {

	/**
	 * Handles the event. A thrown exception moves the event to the dead-letter list so
	 * that the chat's later events are not held up.
	 */
	void process(InboundEvent event);

}
