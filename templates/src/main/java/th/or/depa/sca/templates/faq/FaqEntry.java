package th.or.depa.sca.templates.faq;

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
 * reason, ranking, list), or null to take those its questions ask for
 * @param round the program's round the answer is about, or null
 */
public record FaqEntry(String id, Map<Lang, String> topic, Map<Lang, List<String>> questions, Map<Lang, String> answer,
		List<String> answers, Integer round) {

	public FaqEntry {
		topic = Map.copyOf(topic);
		questions = Map.copyOf(questions);
		answer = Map.copyOf(answer);
		answers = (answers != null) ? List.copyOf(answers) : null;
	}

	public String topic(Lang lang) {
		return this.topic.get(lang);
	}

	/** Every phrasing, all languages. */
	public List<String> allQuestions() {
		return questions.values().stream().flatMap(List::stream).toList();
	}

}
