package th.or.depa.sca.bot.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
	 * @return what was erased, as the catalog names it for the user; empty if nothing
	 */
	List<Erased> erase(String chatKey, Instant now);

	/**
	 * One kind of data erased.
	 *
	 * @param what the catalog's name of it
	 * @param args the name's arguments (e.g. how many)
	 */
	record Erased(MessageKey what, Map<String, Object> args) {

		public Erased {
			args = Map.copyOf(args);
		}

		/** A kind of data erased that needs no arguments. */
		public static Erased of(MessageKey what) {
			return new Erased(what, Map.of());
		}

	}

}
