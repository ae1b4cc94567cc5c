package th.or.depa.sca.templates.faq;

import th.or.depa.sca.nlp.faq.RoundsAsked;

/**
 * What the bot answers before it looks a question up in the FAQ, so that the evaluation
 * sets score what a user is told: a question about a round after the newest announced one
 * ("รุ่น 3", "next round" once it is over) is told that round is not announced yet
 * ({@code ApplyingStatus.unannouncedRoundAskedAbout}), a decline.
 */
final class BeforeTheFaq {

	/** The newest round of the seed's calendar: round 2, closed on 21 July 2022. */
	static final int SEED_NEWEST_ROUND = 2;

	private BeforeTheFaq() {
	}

	/**
	 * Whether the bot declines the question before the FAQ, with the seed's rounds today.
	 */
	static boolean declines(String question) {
		return RoundsAsked.beyond(question, SEED_NEWEST_ROUND, true).isPresent();
	}

}
