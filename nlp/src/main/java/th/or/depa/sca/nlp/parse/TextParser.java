package th.or.depa.sca.nlp.parse;

import java.util.regex.Pattern;

/**
 * Free text of a bounded length, such as a motivation or a description of a city's plans.
 * Length is counted in characters a reader sees (code points, Thai marks included), after
 * spaces are tidied.
 */
public final class TextParser implements Parser<String> {

	private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");

	private final int min;

	private final int max;

	public TextParser(int min, int max) {
		if (min < 1 || max < min) {
			throw new IllegalArgumentException("Length bounds must satisfy 1 <= min <= max, were " + min + ", " + max);
		}
		this.min = min;
		this.max = max;
	}

	@Override
	public Parsed<String> parse(String text) {
		// Kept as typed, line breaks included; only invisible characters and runs of
		// spaces are tidied.
		String typed = (text == null) ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
		String tidy = SPACES.matcher(typed.replaceAll("[\\u200B-\\u200D\\u2060\\uFEFF]", "")).replaceAll(" ").strip();
		int length = tidy.codePointCount(0, tidy.length());
		if (length == 0) {
			return new Parsed.Invalid<>(Parsed.Reason.EMPTY);
		}
		if (length < this.min) {
			return new Parsed.Invalid<>(Parsed.Reason.TOO_SHORT);
		}
		if (length > this.max) {
			return new Parsed.Invalid<>(Parsed.Reason.TOO_LONG);
		}
		return new Parsed.Valid<>(tidy);
	}

	/** The fewest characters accepted. */
	public int min() {
		return this.min;
	}

	/** The most characters accepted. */
	public int max() {
		return this.max;
	}

}
