package th.or.depa.sca.nlp.faq;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of the program's rounds a question is about, from how it names them: "รุ่นแรก",
 * "รุ่นที่ 1", "first batch" are round 1; "รุ่น 2", "รุ่นนี้", "this round" round 2. An
 * entry about one round (its answer states that round's facts) does not answer a question
 * about another: round 2's 150 cities are no answer to how many cities took part in round
 * 1.
 */
final class Rounds {

	static final Prefiltered FIRST = new Prefiltered("รุ่นแรก|รุ่นเเรก|รุ่นที่แล้ว|รุ่นก่อน|รุ่นที่ผ่านมา"
			+ "|รุ่น\\s*(?:ที่\\s*)?(?:1|๑|หนึ่ง)(?![0-9๐-๙])"
			+ "|\\b(?:round|batch|cohort|gen)\\s*(?:1|one)\\b|\\b(?:first|1st|last|previous)\\s+(?:round|batch|cohort|gen)\\b",
			"รrbcgf1lp");

	static final Prefiltered SECOND = new Prefiltered("รุ่น\\s*(?:ที่\\s*)?(?:2|๒|สอง)(?![0-9๐-๙])|รุ่นนี้|รอบนี้"
			+ "|\\b(?:round|batch|cohort|gen)\\s*(?:2|two)\\b|\\b(?:second|2nd|this|current)\\s+(?:round|batch|cohort)\\b",
			"รrbcgs2t");

	/**
	 * Every alternative of {@link #FIRST}, {@link #SECOND} and {@link #LATER} contains
	 * one of these.
	 */
	private static final List<String> ROUND_WORDS = List.of("รุ่น", "รอบนี้", "round", "batch", "cohort", "gen");

	/**
	 * A round after the second, which the program has not announced: "รุ่น 3",
	 * "รุ่นหน้า", "next round". No entry is about it.
	 */
	static final Prefiltered LATER = new Prefiltered(
			"รุ่น\\s*(?:ที่\\s*)?(?:[3-9]|[๓-๙]|สาม|สี่|ห้า)(?![0-9๐-๙])|รุ่นหน้า|รุ่นถัดไป|รุ่นต่อไป"
					+ "|\\b(?:round|batch|cohort|gen)\\s*(?:[3-9]|three|four)\\b"
					+ "|\\b(?:third|3rd|fourth|4th|next|upcoming|future)\\s+(?:round|batch|cohort|gen)\\b",
			"รrbcgt3f4nu");

	/** The number {@link #in} gives a round after the second. */
	static final int LATER_ROUND = 3;

	private Rounds() {
	}

	/** The rounds a text names (1, 2, {@link #LATER_ROUND}), or none. */
	static Set<Integer> in(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		// Most questions name no round: the patterns' scan at every letter is skipped.
		if (!namesARound(lower)) {
			return Set.of();
		}
		Set<Integer> rounds = new TreeSet<>();
		if (FIRST.find(lower)) {
			rounds.add(1);
		}
		if (SECOND.find(lower)) {
			rounds.add(2);
		}
		if (LATER.find(lower)) {
			rounds.add(LATER_ROUND);
		}
		return rounds;
	}

	/** Whether the text holds a word that every way of naming a round contains. */
	private static boolean namesARound(String lower) {
		for (String word : ROUND_WORDS) {
			if (lower.contains(word)) {
				return true;
			}
		}
		return false;
	}

}
