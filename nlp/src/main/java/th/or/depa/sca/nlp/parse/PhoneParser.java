package th.or.depa.sca.nlp.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber;

import th.or.depa.sca.nlp.ThaiText;
import th.or.depa.sca.nlp.parse.Parsed.Reason;

/**
 * Parses a Thai telephone number as people type it, using libphonenumber's Thai metadata.
 */
public final class PhoneParser implements Parser<PhoneNumber> {

	private static final String REGION = "TH";

	// A Latin letter touching a digit is a typo for one (O for 0, l for 1), not a
	// label: Thai labels may touch the number ("เบอร์0812345678"), as Thai puts no
	// space between words.
	private static final Pattern LETTER_FOR_DIGIT = Pattern.compile("[a-z][0-9]|[0-9][a-z]");

	// From the first "+", "(" or digit to the last digit or ")": a label before the
	// number ("เบอร์ ...") is dropped.
	private static final Pattern NUMBER = Pattern.compile("[+(]*[0-9](?:.*[0-9])?\\)?");

	private static final Pattern ALLOWED = Pattern.compile("[+(]*[0-9][0-9\\s.()\\p{Pd}]*");

	// "00" is not a Thai international prefix (001, 007, 008, 009 are), yet people
	// dialling from abroad type "0066"; libphonenumber would read it as a national
	// number.
	private static final Pattern ZERO_ZERO_66 = Pattern.compile("^00[\\s.\\p{Pd}]*66");

	private static final PhoneParser ANY = new PhoneParser(false);

	private static final PhoneParser MOBILE = new PhoneParser(true);

	private final boolean mobileOnly;

	private PhoneParser(boolean mobileOnly) {
		this.mobileOnly = mobileOnly;
	}

	/**
	 * Returns a parser that accepts any valid Thai number, landlines included.
	 */
	public static PhoneParser anyNumber() {
		return ANY;
	}

	/**
	 * Returns a parser that rejects valid landline and other non-mobile numbers with
	 * {@link Reason#NOT_MOBILE}, for forms that send an SMS.
	 */
	public static PhoneParser mobileOnly() {
		return MOBILE;
	}

	@Override
	public Parsed<PhoneNumber> parse(String text) {
		String s = Particles.stripTrailing(ThaiText.normalize(text));
		if (s.isEmpty()) {
			return new Parsed.Invalid<>(Reason.EMPTY);
		}
		Matcher number = NUMBER.matcher(s);
		if (LETTER_FOR_DIGIT.matcher(s).find() || !number.find() || !ALLOWED.matcher(number.group()).matches()) {
			return new Parsed.Invalid<>(Reason.NOT_A_NUMBER);
		}
		String candidate = ZERO_ZERO_66.matcher(number.group()).replaceFirst("+66");
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		Phonenumber.PhoneNumber parsed;
		try {
			parsed = util.parse(candidate, REGION);
		}
		catch (NumberParseException ex) {
			return new Parsed.Invalid<>(switch (ex.getErrorType()) {
				case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN, TOO_LONG -> Reason.WRONG_LENGTH;
				case INVALID_COUNTRY_CODE -> Reason.NOT_A_PHONE_NUMBER;
				case NOT_A_NUMBER -> Reason.NOT_A_NUMBER;
			});
		}
		if (parsed.getCountryCode() != util.getCountryCodeForRegion(REGION)) {
			return new Parsed.Invalid<>(util.isValidNumber(parsed) ? Reason.FOREIGN_NUMBER : Reason.NOT_A_PHONE_NUMBER);
		}
		if (!util.isValidNumber(parsed)) {
			return new Parsed.Invalid<>(wrongLength(util, parsed) ? Reason.WRONG_LENGTH : Reason.NOT_A_PHONE_NUMBER);
		}
		if (this.mobileOnly && !isMobile(util.getNumberType(parsed))) {
			return new Parsed.Invalid<>(Reason.NOT_MOBILE);
		}
		return new Parsed.Valid<>(new PhoneNumber(util.format(parsed, PhoneNumberFormat.E164)));
	}

	private boolean wrongLength(PhoneNumberUtil util, Phonenumber.PhoneNumber number) {
		// A 9-digit "081234567" is a possible landline length, so only a mobile-only
		// form can tell the user that a digit is missing.
		ValidationResult result = this.mobileOnly
				? util.isPossibleNumberForTypeWithReason(number, PhoneNumberType.MOBILE)
				: util.isPossibleNumberWithReason(number);
		return result != ValidationResult.IS_POSSIBLE && result != ValidationResult.IS_POSSIBLE_LOCAL_ONLY;
	}

	private static boolean isMobile(PhoneNumberType type) {
		return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
	}

}
