package th.or.depa.sca.nlp.parse;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import th.or.depa.sca.nlp.ThaiText;
import th.or.depa.sca.nlp.parse.Parsed.Reason;

/**
 * Parses a yes or no in Thai or English, casual forms, particles and emoji included.
 *
 * <p>
 * "ยกเลิก" (cancel) is deliberately neither: it is a command that leaves the whole form,
 * which the bot checks before any form answer, and reading it as "no" would swallow it. A
 * particle on its own ("ครับ", "ค่ะ", "จ้า") is a yes, as in speech; "คะ" and "นะ" on
 * their own are questions or softeners, not answers.
 */
public final class YesNoParser implements Parser<YesNo> {

	private static final List<String> YES = List.of("ใช่", "ใช่แล้ว", "ได้", "ได้เลย", "โอเค", "ok", "okay", "โอเคร",
			"ตกลง", "ยืนยัน", "ครับ", "ครับผม", "คร้าบ", "ค้าบ", "ค่ะ", "ค่า", "คับ", "จ้า", "จ้ะ", "เอา", "เอาเลย",
			"ถูกต้อง", "ถูก", "yes", "y", "yep", "yeah", "yup", "sure", "correct", "👍", "👌", "✅", "⭕");

	private static final List<String> NO = List.of("ไม่", "ไม่ใช่", "ไม่ได้", "ไม่เอา", "ไม่ต้อง", "ไม่ถูกต้อง",
			"ไม่ถูก", "ไม่ตกลง", "ไม่ยืนยัน", "no", "n", "nope", "nah", "👎", "❌", "🙅");

	// Skin tones and the emoji variation selector change how 👍 looks, not what it
	// means.
	private static final Pattern EMOJI_MODIFIERS = Pattern.compile("[\\x{1F3FB}-\\x{1F3FF}\\x{FE0F}]");

	private static final Pattern PUNCTUATION = Pattern.compile("[\\s!.~]+$");

	// "ใช่ๆ", "ok ok", "ไม่ไม่": saying it twice (ๆ is the Thai repetition mark)
	// means it more, not something else.
	private static final Pattern REPETITION_MARK = Pattern.compile("\\s*ๆ");

	private static final Pattern REPEATED_WORD = Pattern.compile("(.+?)(?:\\s*\\1)+");

	// After the patterns: building the table uses them.
	private static final Map<String, YesNo> ANSWERS = answers();

	@Override
	public Parsed<YesNo> parse(String text) {
		String s = key(text);
		if (s.isEmpty()) {
			return new Parsed.Invalid<>(Reason.EMPTY);
		}
		Set<String> candidates = new LinkedHashSet<>();
		for (String base : List.of(s, Particles.stripTrailing(s))) {
			// Repeats are collapsed last, or "โอเคค่ะ" would become "โอเค่ะ".
			for (String candidate : List.of(base, collapseRepeats(base))) {
				candidates.add(candidate.replace(" ", ""));
				candidates.add(saidOnce(candidate).replace(" ", ""));
			}
		}
		for (String candidate : candidates) {
			YesNo answer = ANSWERS.get(candidate);
			if (answer != null) {
				return new Parsed.Valid<>(answer);
			}
		}
		return new Parsed.Invalid<>(Reason.NOT_YES_NO);
	}

	private static String key(String text) {
		String s = EMOJI_MODIFIERS.matcher(ThaiText.normalize(text)).replaceAll("");
		return PUNCTUATION.matcher(REPETITION_MARK.matcher(s).replaceAll("")).replaceFirst("");
	}

	private static String saidOnce(String s) {
		Matcher repeated = REPEATED_WORD.matcher(s);
		return repeated.matches() ? repeated.group(1) : s;
	}

	/**
	 * Returns the text with each run of one character reduced to one ("ใช่ค่ะะะ",
	 * "yesss", "👍👍"): people stretch words to sound friendly.
	 */
	private static String collapseRepeats(String s) {
		StringBuilder out = new StringBuilder(s.length());
		int previous = -1;
		for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
			int c = s.codePointAt(i);
			if (c != previous) {
				out.appendCodePoint(c);
			}
			previous = c;
		}
		return out.toString();
	}

	private static Map<String, YesNo> answers() {
		Map<String, YesNo> answers = new HashMap<>();
		YES.forEach(word -> put(answers, word, YesNo.YES));
		NO.forEach(word -> put(answers, word, YesNo.NO));
		return Map.copyOf(answers);
	}

	private static void put(Map<String, YesNo> answers, String word, YesNo answer) {
		for (String key : List.of(key(word), collapseRepeats(key(word)))) {
			YesNo previous = answers.putIfAbsent(key, answer);
			if (previous != null && previous != answer) {
				throw new IllegalStateException("'" + word + "' reads as both " + previous + " and " + answer);
			}
		}
	}

}
