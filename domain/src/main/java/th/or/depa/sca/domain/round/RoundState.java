package th.or.depa.sca.domain.round;

/**
 * Where a round stands at an instant.
 */
public enum RoundState {

	/** Announced, not accepting applications yet. */
	NOT_YET_OPEN,

	/** Accepting applications. */
	OPEN,

	/** No longer accepting applications. */
	CLOSED

}
