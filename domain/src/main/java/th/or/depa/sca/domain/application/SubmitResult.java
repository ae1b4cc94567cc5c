package th.or.depa.sca.domain.application;

/**
 * What handing in a {@link Submission} did. A refused submission changes nothing.
 */
public sealed interface SubmitResult {

	/**
	 * The application was created now.
	 *
	 * @param application the stored application
	 */
	record Created(Application application) implements SubmitResult {
	}

	/**
	 * This LINE user already has an application of this type in the round (also the
	 * answer when the same submission arrives twice).
	 *
	 * @param number the user's own application's number
	 */
	record AlreadySubmitted(ApplicationNumber number) implements SubmitResult {
	}

	/**
	 * Another application in the round has the same national ID or city; nothing about it
	 * may be told.
	 */
	record Duplicate() implements SubmitResult {
	}

	/** The round no longer (or not yet) accepts applications at the submission time. */
	record RoundClosed() implements SubmitResult {
	}

}
