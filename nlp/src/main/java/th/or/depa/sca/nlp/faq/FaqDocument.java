package th.or.depa.sca.nlp.faq;

import java.util.List;

/**
 * One FAQ entry as the index sees it: its id and the ways users ask for it.
 *
 * @param id the entry's id
 * @param questions the phrasings, in any language
 * @param context other text about the entry (its answers): weighs less than the
 * phrasings, but lets a question match on words only the answer uses
 */
public record FaqDocument(String id, List<String> questions, List<String> context) {

	public FaqDocument(String id, List<String> questions) {
		this(id, questions, List.of());
	}

	public FaqDocument {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("A FAQ entry needs an id");
		}
		if (questions == null || questions.isEmpty()) {
			throw new IllegalArgumentException("FAQ entry '" + id + "' has no questions");
		}
		questions = List.copyOf(questions);
		context = (context != null) ? List.copyOf(context) : List.of();
	}

}
