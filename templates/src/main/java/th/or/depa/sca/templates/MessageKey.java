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
	CANCEL_DONE("cancel.done"), DELETE_ERASED_HANDOFF("delete.erased.handoff"), ROUND_STATUS_OPEN("round.status.open"),
	ROUND_STATUS_NOT_YET("round.status.notYet"), ROUND_STATUS_CLOSED("round.status.closed"),
	ROUND_DEMO_NOTE("round.demoNote"), ROUND_NOT_ANNOUNCED("round.notAnnounced"),
	ACTION_NOTIFY_NEXT_ROUND("action.notifyNextRound"), ACTION_CANCEL("action.cancel"), OPTIN_NOTICE("optin.notice"),
	OPTIN_DONE("optin.done"), OPTIN_DECLINED("optin.declined"), OPTIN_ALREADY("optin.already"),
	OPTIN_REPROMPT("optin.reprompt"), OPTOUT_DONE("optout.done"), OPTOUT_NONE("optout.none"), BARE_WORD("bare.word"),
	HANDOFF_NO_STAFF("handoff.noStaff"), HANDOFF_KEPT("handoff.kept"), DELETE_DONE_LIST("delete.done.list"),
	DELETE_ERASED_OPTIN("delete.erased.optin"), DELETE_ERASED_SESSION("delete.erased.session"),
	PRIVACY_NOTICE_LINK("privacy.noticeLink"), REG_CHOOSE_TYPE("reg.chooseType"), ACTION_TYPE_YOUTH("action.typeYouth"),
	ACTION_TYPE_CITY("action.typeCity"), REG_CHOOSE_TYPE_REPROMPT("reg.chooseType.reprompt"),
	REG_CONSENT("reg.consent"), ACTION_CONSENT("action.consent"), ACTION_DECLINE("action.decline"),
	REG_CONSENT_REPROMPT("reg.consent.reprompt"), REG_CONSENT_DECLINED("reg.consentDeclined"),
	REG_QUESTION("reg.question"), REG_RETRY_STAFF("reg.retryStaff"), REG_PROVINCE_CONFIRM("reg.provinceConfirm"),
	REG_PROVINCE_CHOOSE("reg.provinceChoose"), REG_SUMMARY_ALT_TEXT("reg.summary.altText"),
	REG_SUMMARY_TITLE("reg.summary.title"), REG_SUMMARY_HINT("reg.summary.hint"), ACTION_SUBMIT("action.submit"),
	ACTION_EDIT("action.edit"), ACTION_PICK_DATE("action.pickDate"), ACTION_CONTINUE("action.continue"),
	ACTION_RESTART("action.restart"), REG_SUBMITTED("reg.submitted"), REG_ALREADY("reg.already"),
	REG_DUPLICATE_YOUTH("reg.duplicate.youth"), REG_DUPLICATE_CITY("reg.duplicate.city"),
	REG_CLOSED_AT_SUBMIT("reg.closedAtSubmit"), REG_CANCEL_CONFIRM("reg.cancelConfirm"), REG_CANCELLED("reg.cancelled"),
	REG_CANCEL_KEPT("reg.cancelKept"), REG_RESUME("reg.resume"), REG_BACK_FIRST("reg.backFirst"),
	REG_EDIT_UNKNOWN("reg.editUnknown"), REG_DRAFT_EXPIRED("reg.draftExpired"), REG_REMINDER("reg.reminder"),
	REG_NOT_ELIGIBLE("reg.notEligible"), REG_STATUS_TITLE("reg.status.title"), REG_STATUS_LINE("reg.status.line"),
	REG_WITHDRAW_CONFIRM("reg.withdrawConfirm"), REG_WITHDRAWN("reg.withdrawn"), REG_WITHDRAW_KEPT("reg.withdrawKept"),
	REG_WITHDRAW_NONE("reg.withdrawNone"), REG_WITHDRAW_CLOSED("reg.withdrawClosed"),
	REG_YES_NO_REPROMPT("reg.yesNo.reprompt"), REG_ANSWER_PLEASE("reg.answerPlease"),
	DELETE_ERASED_APPLICATIONS("delete.erased.applications"), ACTION_BACK("action.back"),
	ROUND_DEMO_TAG("round.demoTag"), REG_ROUND_GONE("reg.roundGone"), DELETE_ERASED_FAILED("delete.erased.failed");

	private final String key;

	MessageKey(String key) {
		this.key = key;
	}

	public String key() {
		return this.key;
	}

}
