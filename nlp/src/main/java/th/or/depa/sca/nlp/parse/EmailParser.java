package th.or.depa.sca.nlp.parse;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.text.Normalizer2;

import th.or.depa.sca.nlp.parse.Parsed.Reason;

/**
 * Parses an e-mail address pragmatically: what mail providers accept, not all that RFC
 * 5322 allows.
 */
public final class EmailParser implements Parser<EmailAddress> {

	// Not ThaiText.normalize: it lower-cases everything, and the local part is the
	// one place where case may matter. NFKC still turns a full-width "＠" into "@".
	private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

	private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF]");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	// The end of a sentence, not of the address: "ส่งมาที่ a@b.co.th นะ." or
	// "a@b.com,".
	private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?]+$");

	// RFC 5322 dot-atom: quoted local parts and comments are legal but nobody types
	// them.
	private static final Pattern LOCAL = Pattern
		.compile("[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*");

	private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

	// A top-level domain is letters, or punycode for one such as .ไทย (xn--o3cw4h).
	private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

	@Override
	public Parsed<EmailAddress> parse(String text) {
		String s = (text == null) ? "" : INVISIBLE.matcher(NFKC.normalize(text)).replaceAll("").strip();
		// Before splitting: Thai puts no space before a particle, and "a@b.comครับ"
		// would otherwise pass as an internationalized top-level domain.
		s = Particles.stripTrailing(s);
		if (s.isEmpty()) {
			return new Parsed.Invalid<>(Reason.EMPTY);
		}
		// Words around the address ("อีเมล a@b.co ครับ") are dropped; an address
		// itself never contains a space.
		List<String> candidates = SPACES.splitAsStream(s).filter(word -> word.contains("@")).toList();
		if (candidates.isEmpty()) {
			return new Parsed.Invalid<>(Reason.NOT_EMAIL);
		}
		if (candidates.size() > 1) {
			return new Parsed.Invalid<>(Reason.MORE_THAN_ONE);
		}
		String address = TRAILING_PUNCTUATION.matcher(candidates.get(0)).replaceFirst("");
		int at = address.indexOf('@');
		if (at != address.lastIndexOf('@')) {
			return new Parsed.Invalid<>(Reason.NOT_EMAIL);
		}
		String local = address.substring(0, at);
		String domain = unicodeDomain(address.substring(at + 1));
		if (local.length() > 64 || !LOCAL.matcher(local).matches() || domain == null) {
			return new Parsed.Invalid<>(Reason.NOT_EMAIL);
		}
		return new Parsed.Valid<>(new EmailAddress(local + "@" + domain));
	}

	/**
	 * Returns the domain in lower-case Unicode form, or {@code null} if it is not a
	 * usable internet domain.
	 */
	private static String unicodeDomain(String domain) {
		String ascii;
		try {
			// IDN rejects empty labels ("b..com") and, with STD3 rules, anything but
			// letters, digits and hyphens; it also folds case and maps "。" to ".".
			ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		String[] labels = ascii.split("\\.", -1);
		if (ascii.length() > 253 || labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
			return null;
		}
		for (String label : labels) {
			if (!LABEL.matcher(label).matches()) {
				return null;
			}
		}
		return IDN.toUnicode(ascii).toLowerCase(Locale.ROOT);
	}

}
