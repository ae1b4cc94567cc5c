package th.or.depa.sca.nlp.parse;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * A Thai telephone number in E.164 form; {@link #toString()} masks it for logs.
 *
 * @param e164 the number as {@code +66} followed by the national significant number
 */
public record PhoneNumber(String e164) {

	public PhoneNumber {
		// The message never contains the number: it is personal data.
		if (e164 == null || !e164.matches("\\+66[1-9][0-9]{7,8}")) {
			throw new IllegalArgumentException("A Thai number in E.164 form is +66 and 8 or 9 digits");
		}
	}

	/**
	 * Returns the number as Thais write it, e.g. {@code 081-234-5678} or
	 * {@code 02-123-4567}.
	 */
	public String national() {
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		try {
			// libphonenumber groups Thai numbers with spaces; Thai forms and cards
			// use dashes.
			return util.format(util.parse(this.e164, "TH"), PhoneNumberFormat.NATIONAL).replace(' ', '-');
		}
		catch (NumberParseException ex) {
			throw new IllegalStateException("A PhoneNumber that libphonenumber cannot parse", ex);
		}
	}

	/**
	 * Returns the number with all but its last 4 digits masked, e.g.
	 * {@code +66xxxxx5678}.
	 */
	@Override
	public String toString() {
		int keep = this.e164.length() - 4;
		return "PhoneNumber[+66" + "x".repeat(keep - 3) + this.e164.substring(keep) + "]";
	}

}
