package th.or.depa.sca.nlp.parse;

import java.util.regex.Pattern;

/**
 * A person's full name, first and last, in Thai or Latin letters ("สมชาย ใจดี", "นางสาว
 * มานี มีนา", "Somchai Jaidee"). A title typed before it (นาย, นาง, นางสาว, น.ส., Mr, Ms,
 * ...) is dropped, spaces are tidied, and the rest must be at least two words of letters
 * only.
 */
public final class NameParser implements Parser<String> {

	private static final int MAX_LENGTH = 80;

	/** Longer than any Thai given name or surname: a sentence typed without spaces. */
	private static final int MAX_WORD_LENGTH = 30;

	/** First, middle and last names, or a name with a particle. */
	private static final int MAX_WORDS = 4;

	private static final Pattern TITLE = Pattern.compile(
			"^(?:นางสาว|น\\.ส\\.|นส\\.?|นาย|นาง|ด\\.ช\\.|ด\\.ญ\\.|เด็กชาย|เด็กหญิง|mr\\.?|mrs\\.?|ms\\.?|miss)\\s*",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern WORD = Pattern
		.compile("[\\p{IsThai}\\p{IsLatin}\\p{M}][\\p{IsThai}\\p{IsLatin}\\p{M}'.\\-]*");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern PARTICLE = Pattern.compile("\\s+(?:ครับ|คับ|ค่ะ|คะ|ค่า|จ้า|จ้ะ|นะ)$");

	private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF]");

	private final boolean fullName;

	private NameParser(boolean fullName) {
		this.fullName = fullName;
	}

	/** First and last name. */
	public static NameParser fullName() {
		return new NameParser(true);
	}

	/** One name alone, such as a nickname. */
	public static NameParser singleName() {
		return new NameParser(false);
	}

	@Override
	public Parsed<String> parse(String text) {
		// Kept as typed (case, spelling): only invisible characters, spaces and a polite
		// particle after the name are tidied.
		String typed = (text == null) ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
		String name = SPACES.matcher(INVISIBLE.matcher(typed).replaceAll("")).replaceAll(" ").strip();
		name = PARTICLE.matcher(name).replaceFirst("");
		if (this.fullName) {
			name = TITLE.matcher(name).replaceFirst("").strip();
		}
		if (name.isEmpty()) {
			return new Parsed.Invalid<>(Parsed.Reason.EMPTY);
		}
		if (name.length() > MAX_LENGTH) {
			return new Parsed.Invalid<>(Parsed.Reason.TOO_LONG);
		}
		String[] words = name.split(" ");
		if (words.length > MAX_WORDS) {
			return new Parsed.Invalid<>(Parsed.Reason.NOT_A_NAME);
		}
		for (String word : words) {
			if (!WORD.matcher(word).matches() || word.codePointCount(0, word.length()) > MAX_WORD_LENGTH) {
				return new Parsed.Invalid<>(Parsed.Reason.NOT_A_NAME);
			}
		}
		if (this.fullName && words.length < 2) {
			return new Parsed.Invalid<>(Parsed.Reason.NOT_A_NAME);
		}
		return new Parsed.Valid<>(name);
	}

}
