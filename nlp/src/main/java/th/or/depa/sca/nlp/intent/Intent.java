package th.or.depa.sca.nlp.intent;

import java.util.Locale;
import java.util.Optional;

/** The commands the bot understands, typed or tapped. */
public enum Intent {

	GREETING, THANKS, HELP, REGISTER, STATUS, WEEKLY_UPDATE, TALK_TO_STAFF, CANCEL, BACK, RESTART, WITHDRAW,
	NOTIFY_NEXT_ROUND, OPT_OUT, DELETE_MY_DATA, CHANGE_LANGUAGE;

	/**
	 * The name used in data files and postback data: lower case, e.g. "talk_to_staff".
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The intent with this code, if there is one. */
	public static Optional<Intent> fromCode(String code) {
		for (Intent intent : values()) {
			if (intent.code().equals(code)) {
				return Optional.of(intent);
			}
		}
		return Optional.empty();
	}

}
