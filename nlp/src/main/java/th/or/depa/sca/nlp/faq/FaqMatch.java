package th.or.depa.sca.nlp.faq;

/**
 * How well a question matches one FAQ entry.
 *
 * @param id the entry's id
 * @param score the BM25 score of the entry's best phrasing
 * @param confidence how much of the question the best phrasing explains, 0 to 1
 * @param phrasing the entry's phrasing that matched best
 */
public record FaqMatch(String id, float score, double confidence, String phrasing) {
}
