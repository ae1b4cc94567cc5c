package th.or.depa.sca.nlp.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import th.or.depa.sca.nlp.ThaiText;
import th.or.depa.sca.nlp.parse.Parsed.Reason;

/**
 * Parses a Thai national ID number typed in any grouping, with Thai, full-width or ASCII
 * digits.
 */
public final class NationalIdParser implements Parser<NationalId> {

	// A Latin letter touching a digit is a typo for one (O for 0, l for 1), not a
	// label: Thai labels may touch the number ("เลขบัตร1101700230708"), as Thai puts
	// no space between words.
	private static final Pattern LETTER_FOR_DIGIT = Pattern.compile("[a-z][0-9]|[0-9][a-z]");

	// From the first digit to the last: a label before the number ("เลขบัตร: ...") is
	// dropped.
	private static final Pattern NUMBER = Pattern.compile("[0-9](?:.*[0-9])?");

	// Dashes of any kind: phones turn "-" into "–" or "—" as people type.
	private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\p{Pd}]+");

	@Override
	public Parsed<NationalId> parse(String text) {
		String s = Particles.stripTrailing(ThaiText.normalize(text));
		if (s.isEmpty()) {
			return new Parsed.Invalid<>(Reason.EMPTY);
		}
		Matcher number = NUMBER.matcher(s);
		if (LETTER_FOR_DIGIT.matcher(s).find() || !number.find()) {
			return new Parsed.Invalid<>(Reason.NOT_A_NUMBER);
		}
		// Inside the number only separators may appear: a letter there is more likely
		// a typo (O for 0) than something to skip.
		String digits = SEPARATORS.matcher(number.group()).replaceAll("");
		if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return new Parsed.Invalid<>(Reason.NOT_A_NUMBER);
		}
		if (digits.length() != 13) {
			return new Parsed.Invalid<>(Reason.WRONG_LENGTH);
		}
		if (digits.charAt(0) == '0') {
			return new Parsed.Invalid<>(Reason.NOT_ISSUED);
		}
		if (NationalId.checkDigit(digits) != digits.charAt(12) - '0') {
			return new Parsed.Invalid<>(Reason.BAD_CHECKSUM);
		}
		return new Parsed.Valid<>(new NationalId(digits));
	}

}
