package th.or.depa.sca.templates;

/**
 * Every sentence the bot can say, by catalog key; a test keeps this list and both
 * catalogs equal.
 */
public enum MessageKey {

	GREETING_FOLLOW("greeting.follow"), GREETING_GROUP("greeting.group"), PROGRAM_ABOUT("program.about"),
	HELP_ALT_TEXT("help.altText"), HELP_TITLE("help.title"), HELP_BODY("help.body"), ECHO("echo"),
	STICKER_RECEIVED("sticker.received"), MEDIA_RECEIVED("media.received"), POSTBACK_UNKNOWN("postback.unknown"),
	ACTION_MENU("action.menu"), ACTION_ABOUT("action.about");

	private final String key;

	MessageKey(String key) {
		this.key = key;
	}

	public String key() {
		return this.key;
	}

}
