package th.or.depa.sca.nlp;

import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.text.Normalizer2;

/**
 * Normalizes what users type so that matching sees one spelling of the same text.
 */
public final class ThaiText {

	private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

	// Zero-width space/joiners, word joiner and BOM: invisible, yet they break matching.
	private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF]");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private ThaiText() {
	}

	/**
	 * Returns the text in NFKC form, lower case, with Thai digits as ASCII digits,
	 * invisible characters removed and runs of white space folded to one space.
	 */
	public static String normalize(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String s = INVISIBLE.matcher(NFKC.normalize(text)).replaceAll("");
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			out.append((c >= '\u0E50' && c <= '\u0E59') ? (char) ('0' + (c - '\u0E50')) : c);
		}
		return SPACES.matcher(out).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
	}

}
