package th.or.depa.sca.bot.inbox;

import th.or.depa.sca.bot.session.SessionWrite;

/**
 * Handles one event; called for the events of one chat one at a time, in arrival order.
 */
@FunctionalInterface
public interface EventProcessor {

	/**
	 * Handles the event: decides from the chat's session, sends what it has to say, and
	 * returns how the session changes. The inbox stores that change in the same step that
	 * removes the event from the chat's queue.
	 * @param event the event
	 * @param storedSession the chat's session as stored, null when none is
	 * @param replayed true when the event was handed out before and not finished (the
	 * worker died or lost its lease), so its messages may already have gone out
	 * @return the change to the chat's session
	 * @throws DeliveryFailedException when the event was handled but its messages could
	 * not be sent; the session change it carries is still stored
	 * @throws RuntimeException when the event could not be handled; the session stays as
	 * it was. Either way the event moves to the dead letters so that the chat's later
	 * events are not held up.
	 */
	SessionWrite process(InboundEvent event, String storedSession, boolean replayed);

	/**
	 * The event was handled but what it had to say could not be delivered.
	 */
	class DeliveryFailedException extends RuntimeException {

		private final transient SessionWrite write;

		public DeliveryFailedException(SessionWrite write, RuntimeException cause) {
			super("Messages not delivered: " + cause.getMessage(), cause);
			this.write = write;
		}

		/** The session change, which is stored although the messages were not sent. */
		public SessionWrite write() {
			return this.write;
		}

	}

}
