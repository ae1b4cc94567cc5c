package th.or.depa.sca.nlp.faq;

import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import th.or.depa.sca.nlp.ThaiText;

/**
 * The round a message asks about when it is after every round the program has announced
 * ("รุ่น 3", "round 3", "3rd round", or "รุ่นหน้า" / "next round" once the newest round
 * is over). The bot answers such a question that the round is not announced yet, before
 * it looks in the FAQ: no entry can say anything about it. ({@link Rounds} reads which
 * round a question is about for the FAQ index's own ranking; this reads whether it is
 * after the calendar's newest.)
 */
public final class RoundsAsked {

	// "รุ่น 3", "รุ่นที่ 3", "รุ่นที่สาม", "round 3", "3rd round"; digits are ASCII after
	// normalizing.
	private static final Pattern ROUND_NUMBER = Pattern.compile(
			"(?:รุ่น\\s*(?:ที่)?\\s*(\\d{1,2}|หนึ่ง|สอง|สาม|สี่|ห้า|หก)|round\\s*(\\d{1,2})|(\\d{1,2})(?:st|nd|rd|th)?\\s*round)",
			Pattern.CASE_INSENSITIVE);

	// "รุ่นใหม่" is also "the young generation": the program's own name
	// (นักส่งเสริมดิจิทัลพัฒนาเมืองรุ่นใหม่) and "คนรุ่นใหม่" / "เยาวชนรุ่นใหม่" are no
	// round.
	private static final Pattern NEXT_ROUND = Pattern.compile(
			"รุ่น\\s*(?:ต่อไป|ถัดไป|หน้า)|(?<!(?:คน|ชน|เมือง|เด็ก)\\s?)รุ่น\\s*ใหม่|next\\s+(?:round|intake|batch)",
			Pattern.CASE_INSENSITIVE);

	private static final Map<String, Integer> THAI_NUMBERS = Map.of("หนึ่ง", 1, "สอง", 2, "สาม", 3, "สี่", 4, "ห้า", 5,
			"หก", 6);

	/**
	 * How far after the newest round a named one may be and still be the program's: "รุ่น
	 * 12 ของมหาลัย" is a university's intake, "iPhone รุ่น 15" a phone.
	 */
	private static final int FURTHEST_AHEAD = 3;

	private RoundsAsked() {
	}

	/**
	 * The first round the message names that is after {@code newest} (by at most a few
	 * rounds: a larger number is some other intake), or the round after it for "the next
	 * round" when {@code newestIsOver}; empty for a round that is known or a message
	 * about no particular round.
	 * @param text the message as the user wrote it
	 * @param newest the number of the newest round announced
	 * @param newestIsOver whether that round's applications have closed
	 */
	public static OptionalInt beyond(String text, int newest, boolean newestIsOver) {
		String normalized = ThaiText.normalize(text);
		Matcher number = ROUND_NUMBER.matcher(normalized);
		while (number.find()) {
			String digits = (number.group(1) != null) ? number.group(1)
					: (number.group(2) != null) ? number.group(2) : number.group(3);
			int asked = THAI_NUMBERS.containsKey(digits) ? THAI_NUMBERS.get(digits) : Integer.parseInt(digits);
			if (asked > newest && asked <= newest + FURTHEST_AHEAD) {
				return OptionalInt.of(asked);
			}
		}
		if (newestIsOver && NEXT_ROUND.matcher(normalized).find()) {
			return OptionalInt.of(newest + 1);
		}
		return OptionalInt.empty();
	}

}
