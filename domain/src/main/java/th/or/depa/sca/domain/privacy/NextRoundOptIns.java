package th.or.depa.sca.domain.privacy;

import java.util.List;
import java.util.Optional;

/**
 * Users who asked to be told when the next round opens, each with the consent they gave
 * for it.
 */
public interface NextRoundOptIns {

	/** Records the opt-in (again: the newer consent replaces the older). */
	void optIn(String lineUserId, Consent consent);

	/**
	 * Removes the opt-in.
	 * @return whether there was one
	 */
	boolean optOut(String lineUserId);

	/** The user's opt-in, if any. */
	Optional<Consent> find(String lineUserId);

	/** Every user who opted in, for the announcement when a round opens. */
	List<String> users();

}
