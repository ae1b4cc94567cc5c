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
 * @param people words for the people the entry is about besides the applicant (the
 * mentors: พี่เลี้ยง, กัปตัน): a question naming one of the people some entry names is
 * one that the entries not naming them do not answer ("how much are the mentors paid?" is
 * not the ambassadors' allowance)
 */
public record FaqDocument(String id, List<String> questions, List<String> context, List<String> answers, Integer round,
		List<String> people) {

	/** The kinds of thing an entry's answer can give, as {@code answers} names them. */
	public static final List<String> KINDS = List.of("time", "place", "person", "amount", "reason", "ranking", "name",
			"phone", "applied", "language", "money", "list");

	public FaqDocument(String id, List<String> questions) {
		this(id, questions, List.of(), null, null, List.of());
	}

	public FaqDocument(String id, List<String> questions, List<String> context) {
		this(id, questions, context, null, null, List.of());
	}

	public FaqDocument(String id, List<String> questions, List<String> context, List<String> answers) {
		this(id, questions, context, answers, null, List.of());
	}

	public FaqDocument(String id, List<String> questions, List<String> context, List<String> answers, Integer round) {
		this(id, questions, context, answers, round, List.of());
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
		people = (people != null) ? List.copyOf(people) : List.of();
		if (round != null && round < 1) {
			throw new IllegalArgumentException("FAQ entry '" + id + "': round must be 1 or more, got " + round);
		}
	}

}
