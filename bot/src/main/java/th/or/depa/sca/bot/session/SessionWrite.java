package th.or.depa.sca.bot.session;

/**
 * What handling one event does to the chat's stored session; applied by the inbox in the
 * same Redis step that removes the event from the chat's queue.
 *
 * @param kind keep, save or delete
 * @param readVersion the version the session had when read (0: none was stored); the
 * write is refused if it changed since
 * @param json the session to store, for {@link Kind#SAVE}
 * @param idleTtlMillis how long the stored session lives without another save
 */
public record SessionWrite(Kind kind, long readVersion, String json, long idleTtlMillis) {

	/** Leaves the stored session as it is. */
	public static final SessionWrite KEEP = new SessionWrite(Kind.KEEP, 0, "", 0);

	/** The kinds of writes. */
	public enum Kind {

		/** Leave the session as it is. */
		KEEP,

		/** Store a new version of the session. */
		SAVE,

		/** Forget the session (unfollow, data deletion). */
		DELETE

	}

}
