package th.or.depa.sca.templates.faq;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import th.or.depa.sca.nlp.faq.FaqIndex;
import th.or.depa.sca.nlp.faq.FaqSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages that ask two things ({@code faq/two-questions.tsv}) get both answers, in the
 * order asked; and single questions of the evaluation set do not get a second one.
 */
class TwoQuestionsTests {

	private static final double REQUIRED_BOTH = 0.9;

	private static final double MAX_EXTRA = 0.02;

	private static final double REQUIRED_LONG = 0.84;

	private static final double REQUIRED_CASUAL = 0.9;

	@Test
	void shouldAnswerBothQuestionsAndAddNoneToOneQuestion() {
		FaqKnowledgeBase knowledge = FaqKnowledgeBase.load();
		FaqIndex index = FaqIndex.build(knowledge.documents(FaqEvaluationTests.DEADLINE), knowledge.analysis(),
				FaqSettings.DEFAULTS);
		List<String[]> rows = read("faq/two-questions.tsv");
		StringBuilder report = new StringBuilder();
		int both = 0;
		for (String[] row : rows) {
			String got = String.join("+", index.askAll(row[1]).stream().map((answer) -> answer.match().id()).toList());
			if (got.equals(row[0])) {
				both++;
			}
			else {
				report.append(String.format(Locale.ROOT, "  expected %s got %s: %s%n", row[0], got, row[1]));
			}
		}
		long extra = FaqEvaluationTests.readCases("faq/eval.tsv")
			.stream()
			.filter((test) -> index.askAll(test.question()).size() > 1)
			.count();
		int questions = FaqEvaluationTests.readCases("faq/eval.tsv").size();
		String summary = String.format(Locale.ROOT,
				"two questions: both answered %d of %d; eval questions given" + " a second answer: %d of %d%n", both,
				rows.size(), extra, questions) + report;
		System.out.print(summary);
		assertThat((double) both / rows.size()).as(summary).isGreaterThanOrEqualTo(REQUIRED_BOTH);
		assertThat((double) extra / questions).as(summary).isLessThanOrEqualTo(MAX_EXTRA);
	}

	/**
	 * Long messages ({@code faq/long-messages.tsv}) get the answer to the question inside
	 * the story, and nothing for a question the facts do not answer.
	 */
	@Test
	void shouldAnswerTheQuestionInsideALongMessage() {
		assertRight("faq/long-messages.tsv", "long messages", REQUIRED_LONG);
	}

	/**
	 * Casual English and traps ({@code faq/casual-and-traps.tsv}): answered as the facts
	 * allow, declined where they say nothing.
	 */
	@Test
	void shouldAnswerCasualEnglishAndDeclineTraps() {
		assertRight("faq/casual-and-traps.tsv", "casual English and traps", REQUIRED_CASUAL);
	}

	private static void assertRight(String resource, String name, double required) {
		FaqKnowledgeBase knowledge = FaqKnowledgeBase.load();
		FaqIndex index = FaqIndex.build(knowledge.documents(FaqEvaluationTests.DEADLINE), knowledge.analysis(),
				FaqSettings.DEFAULTS);
		List<String[]> rows = read(resource);
		StringBuilder report = new StringBuilder();
		int right = 0;
		for (String[] row : rows) {
			List<String> ids = index.askAll(row[1]).stream().map((answer) -> answer.match().id()).toList();
			String got = ids.isEmpty() ? "fallback" : String.join("+", ids);
			if (got.equals(row[0])) {
				right++;
			}
			else {
				report.append(String.format(Locale.ROOT, "  expected %s got %s: %s%n", row[0], got, row[1]));
			}
		}
		String summary = String.format(Locale.ROOT, "%s: %d of %d right%n", name, right, rows.size()) + report;
		System.out.print(summary);
		assertThat((double) right / rows.size()).as(summary).isGreaterThanOrEqualTo(required);
	}

	private static List<String[]> read(String resource) {
		return EvaluationSets.read(resource, "expected\tquestion");
	}

}
