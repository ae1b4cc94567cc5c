package th.or.depa.sca.nlp.faq;

import java.util.List;

/**
 * One FAQ entry as the index sees it: its id and the ways users ask for it.
 *
 * @param id the entry's id
 * @param questions the phrasings, in any language
 * @param context other text about the entry (its answers): weighs less than the
 * phrasings, but lets a question match on words only the answer uses
 * @param answers the kinds of thing the entry's answer gives ({@code time},
 * {@code place}, {@code person}, {@code amount}, {@code list}), or null to take the kinds
 * its phrasings ask for: a question asking another kind ("who chaired the ceremony?" to
 * an entry that gives only numbers and a date) is one the entry does not answer
 * @param round the program's round the entry's answer is about (1, 2), or null when it is
 * not about one round: a question naming another round is one it does not answer
 */
public record FaqDocument(String id, List<String> questions, List<String> context, List<String> answers,
		Integer round) {

	/** The kinds of thing an entry's answer can give, as {@code answers} names them. */
	public static final List<String> KINDS = List.of("time", "place", "person", "amount", "reason", "ranking", "name",
			"phone", "applied", "list");

	public FaqDocument(String id, List<String> questions) {
		this(id, questions, List.of(), null, null);
	}

	public FaqDocument(String id, List<String> questions, List<String> context) {
		this(id, questions, context, null, null);
	}

	public FaqDocument(String id, List<String> questions, List<String> context, List<String> answers) {
		this(id, questions, context, answers, null);
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
		if (answers != null) {
			for (String kind : answers) {
				if (!KINDS.contains(kind)) {
					throw new IllegalArgumentException(
							"FAQ entry '" + id + "': answers names '" + kind + "'; known kinds: " + KINDS);
				}
			}
			answers = List.copyOf(answers);
		}
		if (round != null && round < 1) {
			throw new IllegalArgumentException("FAQ entry '" + id + "': round must be 1 or more, got " + round);
		}
	}

}
