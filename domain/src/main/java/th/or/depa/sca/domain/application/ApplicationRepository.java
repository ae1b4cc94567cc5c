package th.or.depa.sca.domain.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import th.or.depa.sca.domain.round.Round;

/**
 * Where applications are kept. Every operation is atomic and safe to repeat: a submission
 * delivered twice, from two instances at once, creates one application.
 */
public interface ApplicationRepository {

	/**
	 * Creates the application unless the round refuses it at {@code now} or the user,
	 * national ID or city already has one in the round.
	 */
	SubmitResult submit(Submission submission, Instant now);

	/** The application with this number, if kept. */
	Optional<Application> find(ApplicationNumber number);

	/**
	 * The user's applications, newest first; a withdrawn one is no longer linked to the
	 * user (its record is anonymous).
	 */
	List<Application> findByUser(String lineUserId);

	/**
	 * Withdraws the application: its personal data is erased, an anonymous record stays
	 * for counts.
	 * @return the withdrawn record, empty if there was no such application
	 */
	Optional<Application> withdraw(ApplicationNumber number, Instant now);

	/** Sets a status chosen by staff. */
	Optional<Application> setStatus(ApplicationNumber number, ApplicationStatus status, Instant now);

	/**
	 * Erases the personal data of every application of a round (its retention period is
	 * over); the anonymous records stay for counts. Safe to repeat.
	 * @return how many applications were erased now
	 */
	int eraseRound(Round round, Instant now);

	/**
	 * Withdraws every application of the user (the user asked to be forgotten).
	 * @return the numbers withdrawn
	 */
	List<ApplicationNumber> eraseUser(String lineUserId, Instant now);

}
