package th.or.depa.sca.templates.faq;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import th.or.depa.sca.templates.Lang;

/**
 * One entry of the FAQ knowledge base: how users ask, what the bot answers.
 *
 * @param id stable id, used in postback data and the evaluation set
 * @param topic short label per language for quick-reply buttons (at most 20 characters)
 * @param questions phrasings per language
 * @param answer the answer per language, with placeholders such as {@code {deadline}}
 * @param answers the kinds of thing the answer gives (time, place, person, amount,
 * reason, ranking, name, phone, applied, language, money, list), or null to take those
 * its questions ask for
 * @param round the program's round the answer is about, or null
 * @param people words for the people the entry is about besides the applicant (may be
 * empty): a question naming them is not answered by the entries that do not name them
 */
public record FaqEntry(String id, Map<Lang, String> topic, Map<Lang, List<String>> questions, Map<Lang, String> answer,
		List<String> answers, Integer round, List<String> people) {

	public FaqEntry {
		topic = byLang(topic);
		questions = byLang(questions);
		answer = byLang(answer);
		answers = (answers != null) ? List.copyOf(answers) : null;
		people = (people != null) ? List.copyOf(people) : List.of();
	}

	public String topic(Lang lang) {
		return this.topic.get(lang);
	}

	/**
	 * An unmodifiable copy in the order of {@link Lang}: {@code Map.copyOf} iterates in
	 * an order that changes from one JVM to the next, so {@link #allQuestions()} gave the
	 * index its phrasings in a different order on each start, and the classifier's
	 * training differed with it.
	 */
	private static <V> Map<Lang, V> byLang(Map<Lang, V> values) {
		Map<Lang, V> ordered = new EnumMap<>(Lang.class);
		ordered.putAll(Map.copyOf(values)); // no null key or value
		return Collections.unmodifiableMap(ordered);
	}

	/** Every phrasing, Thai first, then English. */
	public List<String> allQuestions() {
		return questions.values().stream().flatMap(List::stream).toList();
	}

}
