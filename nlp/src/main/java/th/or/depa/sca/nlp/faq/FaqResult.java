package th.or.depa.sca.nlp.faq;

import java.util.List;

/**
 * What the FAQ index makes of a question: a confident answer, a few close topics to ask
 * back about, or nothing.
 */
public sealed interface FaqResult {

	/** The entries considered, best first (may be empty). */
	List<FaqMatch> ranked();

	/** Confident: answer with this entry. */
	record Answer(FaqMatch match, List<FaqMatch> ranked) implements FaqResult {
	}

	/** Not confident, but these entries are close: ask the user which one they meant. */
	record Unsure(List<FaqMatch> closest, List<FaqMatch> ranked) implements FaqResult {
	}

	/** Nothing close: say so and offer a person instead of guessing. */
	record NoMatch(List<FaqMatch> ranked) implements FaqResult {
	}

}
