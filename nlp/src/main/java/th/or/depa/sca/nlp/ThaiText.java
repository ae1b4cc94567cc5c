package th.or.depa.sca.nlp;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.ibm.icu.text.Normalizer2;
import org.apache.lucene.analysis.th.ThaiCharFilter;

/**
 * Normalizes what users type so that matching sees one spelling of the same text.
 */
public final class ThaiText {

	private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

	/** A run of this many equal letters is emphasis ("มากกกก"), never spelling. */
	private static final int EMPHASIS_RUN = 3;

	private ThaiText() {
	}

	/**
	 * Returns one spelling of what the user typed: NFKC (full-width Latin and digits
	 * folded), Thai vowels and tone marks in their canonical order with doubled marks
	 * removed and "เเ" as "แ" (Lucene's {@link ThaiCharFilter}), invisible characters
	 * removed, Thai digits as ASCII digits, runs of three or more equal letters folded to
	 * one, white space folded to single spaces, lower case. Repetition marks (ๆ) and
	 * particles are kept: the analyzer deals with them where they matter.
	 */
	public static String normalize(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		// NFKC splits "ำ" into nikhahit + sara aa; the Thai filter joins them back.
		String canonical = thaiOrder(NFKC.normalize(text));
		StringBuilder out = new StringBuilder(canonical.length());
		boolean pendingSpace = false;
		for (int i = 0; i < canonical.length(); i++) {
			char c = canonical.charAt(i);
			if (isInvisible(c)) {
				continue;
			}
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				pendingSpace = !out.isEmpty();
				continue;
			}
			if (pendingSpace) {
				out.append(' ');
				pendingSpace = false;
			}
			out.append((c >= '\u0E50' && c <= '\u0E59') ? (char) ('0' + (c - '\u0E50')) : c);
		}
		return foldEmphasis(out).toLowerCase(Locale.ROOT);
	}

	/**
	 * Folds runs of one repeated letter ("มากกกก", "ไหมมมม", "ค่ะะะ") to one. A run of
	 * exactly three followed by a letter is left alone: it is usually two words meeting
	 * ("หรือ" + "ออนไลน์"). Digits are never folded (phone numbers).
	 */
	private static String foldEmphasis(CharSequence text) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			int end = i + 1;
			while (end < text.length() && text.charAt(end) == c) {
				end++;
			}
			int run = end - i;
			boolean wordsMeeting = run == EMPHASIS_RUN && end < text.length() && Character.isLetter(text.charAt(end));
			if (run < EMPHASIS_RUN || Character.isDigit(c) || c == ' ' || wordsMeeting) {
				out.append(text, i, end);
			}
			else {
				out.append(c);
			}
			i = end;
		}
		return out.toString();
	}

	/** True if any character of the text is of the Thai block. */
	public static boolean containsThai(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (isThai(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/** True for characters of the Thai block (letters, vowels, marks, digits). */
	public static boolean isThai(char c) {
		return c >= '\u0E00' && c <= '\u0E7F';
	}

	private static boolean isInvisible(char c) {
		return (c >= '\u200B' && c <= '\u200F') || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
	}

	private static String thaiOrder(String text) {
		if (!containsThai(text)) {
			return text;
		}
		try (Reader reader = new ThaiCharFilter(new StringReader(text))) {
			StringBuilder out = new StringBuilder(text.length());
			char[] buffer = new char[256];
			for (int n = reader.read(buffer); n != -1; n = reader.read(buffer)) {
				out.append(buffer, 0, n);
			}
			return out.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading a string cannot fail", ex);
		}
	}

}
