package th.or.depa.sca.bot.privacy;

import java.time.Instant;
import java.util.List;

import th.or.depa.sca.templates.MessageKey;

/**
 * A feature that keeps personal data about a chat's user outside the session (hand-off
 * requests, applications, opt-ins). "Delete my data" asks each one to erase it.
 */
public interface PersonalDataHolder {

	/**
	 * Erases what this feature keeps about the user.
	 * @param chatKey the user's chat (their LINE user id)
	 * @param now the time of the request
	 * @return what was erased, as the catalog's names of it for the user; empty if
	 * nothing
	 */
	List<MessageKey> erase(String chatKey, Instant now);

}
