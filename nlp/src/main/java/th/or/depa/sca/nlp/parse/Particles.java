package th.or.depa.sca.nlp.parse;

import java.util.regex.Pattern;

/**
 * Polite particles that Thai users put after almost any answer ("20 ปีครับ", "ใช่ค่ะะ").
 */
final class Particles {

	// Longer particles come first so that "ครับผม" goes whole instead of leaving
	// "ผม"; a repeated final letter ("ครับบบ", "ค่ะะ") is how people sound friendly,
	// not a new word.
	private static final Pattern TRAILING = Pattern
		.compile("(?:\\s*(?:ครับผม|ครับ+|คร้าบ+|คับ+|ค้าบ+|ค่ะ+|คะ+|ค่า+|คร่า+|นะ+|จ้ะ+|จ้า+|จ๊ะ+|ฮะ+)[\\s!.~]*)+$");

	private Particles() {
	}

	/**
	 * Removes trailing particles (and the exclamation marks and tildes that go with them)
	 * from text that has already been through {@code ThaiText.normalize}.
	 */
	static String stripTrailing(String normalized) {
		return TRAILING.matcher(normalized).replaceFirst("").strip();
	}

}
