package th.or.depa.sca.nlp.faq;

/**
 * How the FAQ index scores and decides.
 *
 * @param answerConfidence at or above this confidence the best entry is the answer
 * @param suggestConfidence at or above this (and below the answer level) the closest
 * entries are offered as choices
 * @param suggestions how many entries to offer at most
 * @param wordWeight weight of whole-word matches in the BM25 query
 * @param gramWeight weight of character-trigram matches (typos, segmentation slips)
 * @param classifierWeight share of the classifier's probability in the confidence (the
 * rest is BM25's coverage); 0 switches the classifier off
 */
public record FaqSettings(double answerConfidence, double suggestConfidence, int suggestions, float wordWeight,
		float gramWeight, double classifierWeight) {

	/**
	 * Chosen on the evaluation set (README, "FAQ answers"): at 0.30 top-1 is highest and
	 * about 96% of direct answers are right; below it the bot offers the closest topics
	 * instead of guessing.
	 */
	public static final FaqSettings DEFAULTS = new FaqSettings(0.30, 0.12, 3, 1.0f, 0.5f, 0.5);

	/** The settings without the classifier: BM25 alone, as before it. */
	public FaqSettings withoutClassifier() {
		return new FaqSettings(this.answerConfidence, this.suggestConfidence, this.suggestions, this.wordWeight,
				this.gramWeight, 0);
	}

	public FaqSettings {
		if (!(0 <= suggestConfidence && suggestConfidence <= answerConfidence && answerConfidence <= 1)) {
			throw new IllegalArgumentException("Need 0 <= suggestConfidence <= answerConfidence <= 1, got "
					+ suggestConfidence + ", " + answerConfidence);
		}
		if (!(0 <= classifierWeight && classifierWeight <= 1)) {
			throw new IllegalArgumentException("classifierWeight must be between 0 and 1, got " + classifierWeight);
		}
		if (suggestions < 1) {
			throw new IllegalArgumentException("suggestions must be at least 1");
		}
	}

}
