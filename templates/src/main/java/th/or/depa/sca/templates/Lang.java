package th.or.depa.sca.templates;

import java.util.Locale;

/**
 * A language the bot speaks; Thai is the default.
 */
public enum Lang {

	/** Thai, with dates in the Buddhist calendar as Thai readers expect. */
	TH("th", Locale.forLanguageTag("th-TH-u-ca-buddhist")),

	/**
	 * English, with Gregorian dates written day-month-year as Thai readers of English
	 * expect.
	 */
	EN("en", Locale.forLanguageTag("en-GB-u-ca-gregory"));

	private final String code;

	private final Locale locale;

	Lang(String code, Locale locale) {
		this.code = code;
		this.locale = locale;
	}

	public String code() {
		return this.code;
	}

	public Locale locale() {
		return this.locale;
	}

	/** Returns the language for a stored code, Thai for anything unknown. */
	public static Lang fromCode(String code) {
		for (Lang lang : values()) {
			if (lang.code.equalsIgnoreCase(code)) {
				return lang;
			}
		}
		return TH;
	}

}
