package th.or.depa.sca.nlp.faq;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern that is tried only where one of its matches can start. Java's regex engine
 * tries every alternative of a pattern at every position of the text, and a lookahead of
 * Thai letters ({@code (?=[ไมป…])}) is slower still (a chain of per-letter tests): these
 * question-word patterns run several times on every message, so a table of their first
 * letters skips the positions where no match can start, and a table of the letters that
 * can follow each first letter skips most of the rest (nearly every Thai text has a "เ"
 * or an "อ", few of them start a question word). The matches are those of the pattern
 * itself: it is tried with transparent bounds, so lookbehinds and word boundaries see the
 * text around each position.
 */
final class Prefiltered {

	/** First letters are looked up in a table up to the end of the Thai block. */
	private static final int LIMIT = 0x0E80;

	private final Pattern pattern;

	private final long[] starts = new long[LIMIT >>> 6];

	/** For a pattern of plain words: the words by their first letter, else null. */
	private final String[][] words;

	/**
	 * For each first letter, the letters below {@link #LIMIT} that a match starting with
	 * it can go on with (a set bit for every letter the table was not worked out for);
	 * null for a pattern with a lookbehind that must see a letter, which the table cannot
	 * tell.
	 */
	private final long[][] seconds;

	/**
	 * Letters that may come before a match, for working out the second-letter table of a
	 * pattern that looks behind its start (a word boundary, a lookbehind, an anchor).
	 */
	private static final String[] BEFORE = { "", " ", "a", "ก" };

	/**
	 * @param regex the pattern
	 * @param startLetters every character a match can start with (below U+0E80: ASCII and
	 * Thai)
	 */
	Prefiltered(String regex, String startLetters) {
		this.pattern = Pattern.compile(regex);
		for (int i = 0; i < startLetters.length(); i++) {
			char letter = startLetters.charAt(i);
			if (letter >= LIMIT) {
				throw new IllegalArgumentException(
						"Start letter U+" + Integer.toHexString(letter) + " is not supported");
			}
			this.starts[letter >>> 6] |= 1L << letter;
		}
		this.words = words(regex);
		this.seconds = regex.contains("(?<=") ? null : seconds(this.pattern, startLetters);
	}

	/**
	 * Which letters can follow each start letter in a match: a two-letter text is a
	 * possible start if the pattern matches it or reads past its end (then a longer text
	 * could match), after any of a few kinds of letter before it (none, a space, a Latin
	 * and a Thai letter), so that word boundaries and lookbehinds that must not see a
	 * letter are read as they may be in a text. Only ASCII and the Thai block are tried;
	 * every other letter is taken as a possible second letter.
	 */
	private static long[][] seconds(Pattern pattern, String startLetters) {
		long[][] out = new long[LIMIT][];
		for (int i = 0; i < startLetters.length(); i++) {
			char first = startLetters.charAt(i);
			long[] next = new long[LIMIT >>> 6];
			for (char second = 0; second < LIMIT; second++) {
				boolean tried = second < 0x80 || second >= 0x0E00;
				if (!tried || canStart(pattern, first, second)) {
					next[second >>> 6] |= 1L << second;
				}
			}
			out[first] = next;
		}
		return out;
	}

	private static boolean canStart(Pattern pattern, char first, char second) {
		for (String before : BEFORE) {
			String text = before + first + second;
			Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
			matcher.region(before.length(), text.length());
			if (matcher.lookingAt() || matcher.hitEnd()) {
				return true;
			}
		}
		return false;
	}

	/** A plain alternation's words by first letter, in the pattern's order; else null. */
	private static String[][] words(String regex) {
		for (int i = 0; i < regex.length(); i++) {
			if ("\\^$.?*+()[]{}".indexOf(regex.charAt(i)) >= 0) {
				return null;
			}
		}
		String[] all = regex.split("\\|");
		String[][] byLetter = new String[LIMIT][];
		for (String word : all) {
			if (word.isEmpty() || word.charAt(0) >= LIMIT) {
				return null;
			}
			String[] known = byLetter[word.charAt(0)];
			String[] more = (known == null) ? new String[1] : Arrays.copyOf(known, known.length + 1);
			more[more.length - 1] = word;
			byLetter[word.charAt(0)] = more;
		}
		return byLetter;
	}

	/** The pattern, as Java would search it. */
	Pattern pattern() {
		return this.pattern;
	}

	/** Whether the text has a match anywhere. */
	boolean find(String text) {
		if (this.words != null) {
			for (int i = 0; i < text.length(); i++) {
				if (word(text, i) != null) {
					return true;
				}
			}
			return false;
		}
		return next(matcher(text), text, 0) >= 0;
	}

	/** The word of a plain alternation that matches at a position, or null. */
	private String word(String text, int at) {
		char c = text.charAt(at);
		String[] candidates = (c < LIMIT) ? this.words[c] : null;
		if (candidates != null) {
			for (String word : candidates) {
				if (text.startsWith(word, at)) {
					return word;
				}
			}
		}
		return null;
	}

	/** The text with every match (left to right, not overlapping) replaced. */
	String replaceAll(String text, String replacement) {
		if (this.words != null) {
			return replaceWords(text, replacement);
		}
		Matcher matcher = matcher(text);
		int at = next(matcher, text, 0);
		if (at < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int copied = 0;
		while (at >= 0) {
			out.append(text, copied, at).append(replacement);
			copied = matcher.end();
			at = next(matcher, text, Math.max(copied, at + 1));
		}
		return out.append(text, copied, text.length()).toString();
	}

	private String replaceWords(String text, String replacement) {
		StringBuilder out = null;
		int copied = 0;
		int i = 0;
		while (i < text.length()) {
			String word = word(text, i);
			if (word == null) {
				i++;
				continue;
			}
			if (out == null) {
				out = new StringBuilder(text.length());
			}
			out.append(text, copied, i).append(replacement);
			i += word.length();
			copied = i;
		}
		return (out == null) ? text : out.append(text, copied, text.length()).toString();
	}

	private Matcher matcher(CharSequence text) {
		return this.pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
	}

	/**
	 * Whether a match may start at a position, by its letter and the next: false only
	 * where none can.
	 */
	boolean mayStartAt(CharSequence text, int at) {
		char c = text.charAt(at);
		if (c >= LIMIT || (this.starts[c >>> 6] & (1L << c)) == 0) {
			return false;
		}
		if (this.seconds == null || at + 1 >= text.length()) {
			return true;
		}
		char second = text.charAt(at + 1);
		return second >= LIMIT || (this.seconds[c][second >>> 6] & (1L << second)) != 0;
	}

	/**
	 * Where the first match at or after {@code from} starts (its end in the matcher), or
	 * -1.
	 */
	private int next(Matcher matcher, CharSequence text, int from) {
		int length = text.length();
		for (int i = from; i < length; i++) {
			if (mayStartAt(text, i)) {
				matcher.region(i, length);
				if (matcher.lookingAt()) {
					return i;
				}
			}
		}
		return -1;
	}

}
