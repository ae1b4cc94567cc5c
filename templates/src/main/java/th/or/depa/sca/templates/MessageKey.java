package th.or.depa.sca.templates;

/**
 * Every sentence the bot can say, by catalog key; a test keeps this list and both
 * catalogs equal.
 */
public enum MessageKey {

	GREETING_FOLLOW("greeting.follow"), GREETING_GROUP("greeting.group"), PROGRAM_ABOUT("program.about"),
	HELP_ALT_TEXT("help.altText"), HELP_TITLE("help.title"), HELP_BODY("help.body"),
	STICKER_RECEIVED("sticker.received"), MEDIA_RECEIVED("media.received"), POSTBACK_UNKNOWN("postback.unknown"),
	ACTION_MENU("action.menu"), ACTION_ABOUT("action.about"), FAQ_NO_MATCH("faq.noMatch"), FAQ_UNSURE("faq.unsure"),
	FAQ_MORE("faq.more"), GREETING_HELLO("greeting.hello"), THANKS("thanks"),
	HANDOFF_REQUESTED_OPEN("handoff.requested.open"), HANDOFF_REQUESTED_CLOSED("handoff.requested.closed"),
	HANDOFF_CANCELLED("handoff.cancelled"), HANDOFF_RELEASED("handoff.released"), HANDOFF_EXPIRED("handoff.expired"),
	HANDOFF_STAFF_NOTICE("handoff.staffNotice"), REGISTER_CLOSED("register.closed"),
	REGISTER_NOT_YET("register.notYet"), STATUS_NONE("status.none"), WEEKLY_NOT_AMBASSADOR("weekly.notAmbassador"),
	DELETE_CONFIRM("delete.confirm"), DELETE_REPROMPT("delete.reprompt"), DELETE_DONE("delete.done"),
	DELETE_KEPT("delete.kept"), LANGUAGE_CHANGED("language.changed"), CANCEL_NOTHING("cancel.nothing"),
	ACTION_TALK_TO_STAFF("action.talkToStaff"), ACTION_YES("action.yes"), ACTION_NO("action.no"),
	CANCEL_DONE("cancel.done"), DELETE_ERASED_HANDOFF("delete.erased.handoff");

	private final String key;

	MessageKey(String key) {
		this.key = key;
	}

	public String key() {
		return this.key;
	}

}
