package th.or.depa.sca.domain.round;

/**
 * What a user can be told about applying at an instant: a round is open, one is announced
 * but not open yet, or none is open or announced (with the last that closed).
 */
public sealed interface Availability {

	/** The round this statement is about. */
	Round round();

	/**
	 * A round accepts applications now.
	 *
	 * @param round the open round
	 * @param daysLeft calendar days left, counting today and the last day
	 */
	record Open(Round round, long daysLeft) implements Availability {
	}

	/**
	 * A round is announced and opens later.
	 *
	 * @param round the round that opens next
	 */
	record NotYetOpen(Round round) implements Availability {
	}

	/**
	 * No round is open or announced; the newest round has closed.
	 *
	 * @param round the round that closed last
	 */
	record Closed(Round round) implements Availability {
	}

}
