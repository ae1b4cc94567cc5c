package th.or.depa.sca.nlp.faq;

import java.util.List;

/**
 * One FAQ entry as the index sees it: its id and the ways users ask for it.
 *
 * @param id the entry's id
 * @param questions the phrasings, in any language
 */
public record FaqDocument(String id, List<String> questions) {

	public FaqDocument {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("A FAQ entry needs an id");
		}
		if (questions == null || questions.isEmpty()) {
			throw new IllegalArgumentException("FAQ entry '" + id + "' has no questions");
		}
		questions = List.copyOf(questions);
	}

}
