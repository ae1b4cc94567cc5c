package th.or.depa.sca.templates.faq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import th.or.depa.sca.nlp.ThaiText;
import th.or.depa.sca.nlp.faq.FaqIndex;
import th.or.depa.sca.nlp.faq.FaqResult;
import th.or.depa.sca.nlp.faq.FaqSettings;
import th.or.depa.sca.nlp.segment.ThaiAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the evaluation set ({@code faq/eval.tsv}: questions written apart from the FAQ
 * file, labelled with the entry that should answer or {@code fallback}) through the FAQ
 * index as the bot uses it, and writes the figures to {@code target/faq-eval.txt}.
 */
class FaqEvaluationTests {

	static final String FALLBACK = "fallback";

	private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

	/** The round-2 deadline day (21 July 2022) in Bangkok. */
	static final Date DEADLINE = Date.from(Instant.parse("2022-07-20T17:00:00Z"));

	/**
	 * The build fails under 95% top-1 on this set and on the held-out set (issue 11; with
	 * the classifier beside BM25 they are 96.5% and 98.0% today, README).
	 */
	private static final double REQUIRED_TOP1 = 0.95;

	/** Share of direct answers that must be right: a wrong answer is worse than none. */
	private static final double REQUIRED_PRECISION = 0.95;

	private static final double REQUIRED_HELD_OUT_TOP1 = 0.95;

	private static FaqKnowledgeBase knowledge;

	private static ThaiAnalysis analysis;

	private static FaqIndex index;

	private static List<Case> cases;

	private static List<Case> holdout;

	@BeforeAll
	static void load() {
		knowledge = FaqKnowledgeBase.load();
		analysis = knowledge.analysis();
		index = FaqIndex.build(knowledge.documents(DEADLINE), analysis, FaqSettings.DEFAULTS);
		cases = readCases("faq/eval.tsv");
		holdout = readCases("faq/holdout.tsv");
	}

	@Test
	void shouldAnswerAtLeast95PercentOfTheEvaluationSetRight() throws IOException {
		List<Outcome> outcomes = cases.stream().map(FaqEvaluationTests::run).toList();
		// "Unlike the FAQ": the half of the set whose words overlap least with any
		// phrasing
		// in the FAQ file (ties broken by order in the file).
		List<Outcome> byOverlap = outcomes.stream().sorted(Comparator.comparingDouble(Outcome::overlap)).toList();
		List<Outcome> unlike = byOverlap.subList(0, byOverlap.size() / 2);
		double all = accuracy(outcomes);
		double unlikeHalf = accuracy(unlike);
		double inScope = accuracy(outcomes.stream().filter((o) -> !o.test().expected().equals(FALLBACK)).toList());
		double outOfScope = accuracy(outcomes.stream().filter((o) -> o.test().expected().equals(FALLBACK)).toList());
		double english = accuracy(outcomes.stream().filter((o) -> o.test().style().equals("english")).toList());
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT,
				"FAQ evaluation: %d questions, top-1 %.1f%%; half least like the FAQ (%d, overlap <= %.2f): %.1f%%;%n"
						+ "in scope %.1f%%, out of scope (fallback) %.1f%%, English %.1f%%; direct answers %d, right %.1f%%%n",
				outcomes.size(), 100 * all, unlike.size(), unlike.get(unlike.size() - 1).overlap(), 100 * unlikeHalf,
				100 * inScope, 100 * outOfScope, 100 * english,
				outcomes.stream().filter((o) -> !o.got().equals(FALLBACK)).count(),
				100 * accuracy(outcomes.stream().filter((o) -> !o.got().equals(FALLBACK)).toList())));
		report.append("top-1 at other answer thresholds:");
		for (int t = 20; t <= 70; t += 5) {
			double threshold = t / 100.0;
			long right = outcomes.stream()
				.filter((o) -> o.test()
					.expected()
					.equals((o.confidence() >= threshold && !o.offTopic()) ? o.top() : FALLBACK))
				.count();
			report.append(String.format(Locale.ROOT, " %.2f: %.1f%%", threshold, 100.0 * right / outcomes.size()));
		}
		report.append(String.format("%n"));
		for (Outcome outcome : outcomes) {
			if (!outcome.right()) {
				report.append(String.format(Locale.ROOT, "  wrong: %-16s got %-16s conf %.2f  %s%n",
						outcome.test().expected(), outcome.got(), outcome.confidence(), outcome.test().question()));
			}
		}
		List<Outcome> held = holdout.stream().map(FaqEvaluationTests::run).toList();
		double heldAll = accuracy(held);
		report.append(String.format(Locale.ROOT,
				"held-out set (%d questions written blind to the FAQ file and to this set; never used to tune): "
						+ "top-1 %.1f%%; in scope %.1f%%, out of scope %.1f%%, English %.1f%%; direct answers right %.1f%%%n",
				held.size(), 100 * heldAll,
				100 * accuracy(held.stream().filter((o) -> !o.test().expected().equals(FALLBACK)).toList()),
				100 * accuracy(held.stream().filter((o) -> o.test().expected().equals(FALLBACK)).toList()),
				100 * accuracy(held.stream().filter((o) -> o.test().style().equals("english")).toList()),
				100 * accuracy(held.stream().filter((o) -> !o.got().equals(FALLBACK)).toList())));
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "faq-eval.txt"), report);
		StringBuilder details = new StringBuilder("expected\tstyle\tanswered\tbest\tconfidence\toverlap\tquestion\n");
		for (Outcome o : outcomes) {
			details.append(String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%.3f\t%.3f\t%s%n", o.test().expected(),
					o.test().style(), o.got(), o.top(), o.confidence(), o.overlap(), o.test().question()));
		}
		Files.writeString(Path.of("target", "faq-eval-details.tsv"), details);
		System.out.print(report);
		List<Outcome> answered = outcomes.stream().filter((o) -> !o.got().equals(FALLBACK)).toList();
		assertThat(all).as(report.toString()).isGreaterThanOrEqualTo(REQUIRED_TOP1);
		assertThat(heldAll).as(report.toString()).isGreaterThanOrEqualTo(REQUIRED_HELD_OUT_TOP1);
		assertThat(accuracy(answered)).as(report.toString()).isGreaterThanOrEqualTo(REQUIRED_PRECISION);
	}

	@Test
	void shouldBeWrittenApartFromTheFaqFile() {
		Set<String> phrasings = new HashSet<>();
		knowledge.entries().forEach((entry) -> entry.allQuestions().forEach((q) -> phrasings.add(letters(q))));
		// Not even a copy that differs only in spaces, punctuation or case.
		assertThat(cases).hasSizeGreaterThanOrEqualTo(200)
			.allSatisfy((test) -> assertThat(phrasings).doesNotContain(letters(test.question())));
		Set<String> labels = new HashSet<>();
		knowledge.entries().forEach((entry) -> labels.add(entry.id()));
		labels.add(FALLBACK);
		assertThat(cases).allSatisfy((test) -> assertThat(labels).contains(test.expected()));
		// Every entry is asked about, and about a tenth each is English and out of scope.
		assertThat(cases.stream().map(Case::expected).distinct().count()).isEqualTo(labels.size());
		assertThat(cases.stream().filter((c) -> c.style().equals("english")).count())
			.isGreaterThanOrEqualTo(cases.size() / 12);
		assertThat(cases.stream().filter((c) -> c.expected().equals(FALLBACK)).count())
			.isGreaterThanOrEqualTo(cases.size() / 12);
	}

	private static String letters(String text) {
		return NOT_LETTER.matcher(ThaiText.normalize(text)).replaceAll("");
	}

	private static Outcome run(Case test) {
		FaqResult result = index.ask(test.question());
		String got = (result instanceof FaqResult.Answer answer && !BeforeTheFaq.declines(test.question()))
				? answer.match().id() : FALLBACK;
		double confidence = result.ranked().isEmpty() ? 0 : result.ranked().get(0).confidence();
		String top = result.ranked().isEmpty() ? "-" : result.ranked().get(0).id();
		// Declined although confident: the question is closest to the off-topic list.
		boolean offTopic = result instanceof FaqResult.NoMatch && confidence >= FaqSettings.DEFAULTS.answerConfidence();
		return new Outcome(test, got, top, confidence, offTopic, overlap(test.question()));
	}

	/** The largest share of the question's words found in one FAQ phrasing (Jaccard). */
	private static double overlap(String question) {
		Set<String> words = new HashSet<>(analysis.segments(question));
		double best = 0;
		for (FaqEntry entry : knowledge.entries()) {
			for (String phrasing : entry.allQuestions()) {
				Set<String> other = new HashSet<>(analysis.segments(phrasing));
				Set<String> union = new HashSet<>(words);
				union.addAll(other);
				other.retainAll(words);
				best = Math.max(best, union.isEmpty() ? 0 : (double) other.size() / union.size());
			}
		}
		return best;
	}

	private static double accuracy(List<Outcome> outcomes) {
		return outcomes.isEmpty() ? 1 : (double) outcomes.stream().filter(Outcome::right).count() / outcomes.size();
	}

	static List<Case> readCases(String resource) {
		return EvaluationSets.read(resource, "expected\tstyle\tquestion")
			.stream()
			.map((row) -> new Case(row[0].strip(), row[1].strip(), row[2]))
			.toList();
	}

	record Case(String expected, String style, String question) {
	}

	record Outcome(Case test, String got, String top, double confidence, boolean offTopic, double overlap) {

		boolean right() {
			return this.got.equals(this.test.expected());
		}

	}

}
