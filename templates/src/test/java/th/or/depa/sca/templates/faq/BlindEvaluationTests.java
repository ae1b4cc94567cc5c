package th.or.depa.sca.templates.faq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import th.or.depa.sca.nlp.faq.FaqIndex;
import th.or.depa.sca.nlp.faq.FaqResult;
import th.or.depa.sca.nlp.faq.FaqSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The blind sets ({@code faq/blind.tsv}, {@code faq/blind-2.tsv},
 * {@code faq/blind-3.tsv}, {@code faq/blind-4.tsv}, {@code faq/blind-5.tsv},
 * {@code faq/blind-6.tsv}, {@code faq/blind-final.tsv}): questions written from the
 * program's facts and the topic list alone, by someone who never saw the FAQ file or the
 * other sets, with traps (the program's words about something it does not cover), English
 * and long messages. Writes a report per set and group, with each miss, to
 * {@code target/faq-eval-blind.txt}, {@code target/faq-eval-blind-2.txt},
 * {@code target/faq-eval-blind-3.txt}, {@code target/faq-eval-blind-4.txt},
 * {@code target/faq-eval-blind-5.txt}, {@code target/faq-eval-blind-6.txt} and
 * {@code target/faq-eval-blind-final.txt}, so that a staff member editing the FAQ sees
 * what changed.
 * <p>
 * Each message is read as the bot reads it: a question about a round not announced yet is
 * declined before the FAQ ({@link BeforeTheFaq}), the rest go to the FAQ index.
 * <p>
 * A message that asks two questions counts as right only when both are answered, and one
 * that asks one only when it gets that one answer and no other.
 */
class BlindEvaluationTests {

	/**
	 * The first blind set ({@code faq/blind.tsv}, 295 messages). Its figures were looked
	 * at while the classifier was tuned, and since 2026-12-01 its misses were read to
	 * find what general rules were missing (question kinds, second questions), so it is a
	 * development set now, floored just under today's figures.
	 */
	private static final Floors DEVELOPMENT = new Floors(0.95, 0.92, 0.96, 0.91);

	/**
	 * The second blind set ({@code faq/blind-2.tsv}, 297 messages): the final set until
	 * 2026-12-02. Its group figures were read to find which change had failed its floors,
	 * so it is a development set now: its misses were read for general rules (rounds
	 * after the second, "why" questions) and trap themes (92.9 % from 89.9 %), and it is
	 * floored just under that.
	 */
	private static final Floors SECOND = new Floors(0.94, 0.94, 0.91, 0.82);

	/**
	 * The third blind set ({@code faq/blind-3.tsv}, 358 messages, 128 of them traps):
	 * written on 2026-12-02 the same way as the others, as a development set from the
	 * start, so that the final set's misses need never be read. First figure 91.9 %
	 * (traps 88.3, English 91.4, long 87.7); its misses then gave words the tokenizer cut
	 * wrongly (มีคน, ไอที, สไลด์), phrases read without their clause's round, and trap
	 * themes (93.6 %); then off-topic messages written blind, and a phrase of common
	 * words no longer standing for its clause (94.4 %). Floored just under that.
	 */
	private static final Floors THIRD = new Floors(0.94, 0.94, 0.93, 0.87);

	/**
	 * The fourth blind set ({@code faq/blind-4.tsv}, 320 messages, 150 of them traps):
	 * written on 2026-12-02 the same way, as a development set, to find what traps still
	 * get a nearby fact. First figure 91.6 % (traps 86.7, English 93.3, long 93.3); read
	 * as the bot reads it, the rounds not announced declined first, 92.2 %; with ranking
	 * questions declined and a synonym typo that made "meter" a mentor gone, 93.1 %
	 * (traps 90.0). Floored just under that.
	 */
	private static final Floors FOURTH = new Floors(0.93, 0.89, 0.94, 0.93);

	/**
	 * The fifth blind set ({@code faq/blind-5.tsv}, 290 messages, 150 of them traps):
	 * written on 2026-12-02 the same way, as a development set, to find why the final
	 * set's traps are declined less often than the other sets'. First figure 91.4 %
	 * (traps 90.0, English 87.5, long 85.0); with questions for a name and for a winner
	 * read as kinds no entry is asked (but the program's own name), 92.8 % (traps 92.7).
	 * Floored just under that.
	 */
	private static final Floors FIFTH = new Floors(0.92, 0.92, 0.87, 0.84);

	/**
	 * The sixth blind set ({@code faq/blind-6.tsv}, 330 messages, 54 of them traps):
	 * written on 2026-12-02 the same way, as a development set shaped like real traffic
	 * rather than trap-heavy. First figure 95.2 % (traps 90.7, English 93.4, long 88.6);
	 * with "apply" read as สมัคร, 95.8 % (long 90.9). Floored just under that.
	 */
	private static final Floors SIXTH = new Floors(0.95, 0.90, 0.93, 0.90);

	/**
	 * The seventh blind set ({@code faq/blind-7.tsv}, 260 messages, 130 of them traps):
	 * written on 2026-12-03 the same way, trap-heavy, as a development set, since the
	 * final set's traps were still declined less often than the others'. First figure
	 * 91.5 % (traps 88.5, English 89.2, long 87.5); with a บ้าง closing a who-question,
	 * what one applies to be or for and what one asks to be shown read as things asked
	 * after, and "dedline" mended, 93.8 % (traps 92.3, English 92.3); with how to apply
	 * after a question about something else read as about that thing, and sums of money,
	 * 94.2 % (traps 93.1). Floored just under that.
	 */
	private static final Floors SEVENTH = new Floors(0.94, 0.93, 0.92, 0.87);

	/**
	 * The eighth blind set ({@code faq/blind-8.tsv}, 300 messages, 90 of them traps and
	 * 105 English): written on 2026-12-03 the same way, shaped like the final set, as a
	 * development set. First figure 92.0 % (traps 88.9, English 90.5, long 85.5); with a
	 * question for a language read as a kind and applying to be something as a thing
	 * applied for, 92.7 % (traps 91.1, English 92.4); with sums of money read as a kind,
	 * 93.0 % (traps 92.2). Floored just under that.
	 */
	private static final Floors EIGHTH = new Floors(0.92, 0.92, 0.92, 0.85);

	/**
	 * A blind set of messages that ask two questions ({@code faq/blind-two.tsv}, 170
	 * messages, 115 of them asking two): written on 2026-12-02 the same way, as a
	 * development set, because the final set's messages that ask two questions (47 of
	 * them) were its weakest group. First figure 87.1 % (English 90.4, long 83.8); with
	 * "aim" and "goal" read as เป้าหมาย and a clause ended at a particle glued to the
	 * next question, 90.0 %; with second answers taken from a confidence of 0.32 (was
	 * 0.35), 91.8 %. Floored just under that.
	 */
	private static final Floors TWO = new Floors(0.91, 0.8, 0.92, 0.85);

	/**
	 * A second blind set of messages that ask two questions ({@code faq/blind-two-2.tsv},
	 * 178 messages, 125 of them asking two, most of them short, many about related
	 * topics): written on 2026-12-02 the same way, as a development set. First figure
	 * 89.3 % (English 83.6, long 86.1); with a clause ended before the number of a listed
	 * question, 89.9 %. Floored just under that.
	 */
	private static final Floors TWO_2 = new Floors(0.89, 0.9, 0.83, 0.86);

	/**
	 * The final blind set ({@code faq/blind-final.tsv}, 327 messages): written fresh on
	 * 2026-12-02 by someone who saw only the facts and the topic list, never the FAQ
	 * file, the code or the other sets; only its figures are read, never its misses.
	 * Issue 11's targets are higher (95 % overall, 90 % of traps declined, 93 % English,
	 * 90 % long messages). Its first figure, on the code as it stood when the set
	 * arrived: 92.4 % (traps 76.8, English 91.0, long 93.0); after that session's work on
	 * the development sets: 92.7 % (traps 78.6, English 92.1, long 93.0); after the third
	 * development set's: 93.3 % (traps 82.1, English 93.3, long 93.0); with 100 more
	 * off-topic messages in Thai, written from the facts and topics alone: 94.2 % (traps
	 * 85.7, English 93.3, long 93.0); read as the bot reads it (the rounds not announced
	 * declined first, and "รุ่นใหม่", the new generation, no longer taken for one): the
	 * same; after the fifth, sixth and two-question development sets' work: 94.5 % (traps
	 * 85.7, English 94.4, long 93.0); with English phrasings for what those sets' English
	 * misses asked and narrower answers for round 1's projects and depa: 95.1 % (traps
	 * 85.7, English 96.6, long 93.0); on 2026-12-03, with how many have applied, the
	 * people an entry names and what a question asks whether there is read as such
	 * (general rules found on the development sets): 95.7 % (traps 89.3, English 96.6,
	 * long 93.0); with a sum of money read as a kind of its own: 96.0 % (traps 91.1,
	 * English 96.6, long 93.0), issue 11's targets all met. The floors sit just under the
	 * latest.
	 */
	private static final Floors FINAL = new Floors(0.95, 0.91, 0.96, 0.92);

	private static FaqIndex index;

	/** The same FAQ ranked by BM25 alone, to show what the classifier adds. */
	private static FaqIndex bm25Only;

	@BeforeAll
	static void load() {
		FaqKnowledgeBase knowledge = FaqKnowledgeBase.load();
		index = FaqIndex.build(knowledge.documents(FaqEvaluationTests.DEADLINE), knowledge.analysis(),
				FaqSettings.DEFAULTS);
		bm25Only = FaqIndex.build(knowledge.documents(FaqEvaluationTests.DEADLINE), knowledge.analysis(),
				FaqSettings.DEFAULTS.withoutClassifier());
	}

	/**
	 * Every set: its file, the report it writes, its title and its floors. The first six
	 * and the final one are checked for the groups the issue asks for too.
	 */
	static Stream<Arguments> sets() {
		return Stream.of(arguments("faq/blind.tsv", "faq-eval-blind.txt", "Blind set (development)", DEVELOPMENT),
				arguments("faq/blind-2.tsv", "faq-eval-blind-2.txt", "Second blind set (development)", SECOND),
				arguments("faq/blind-3.tsv", "faq-eval-blind-3.txt", "Third blind set (development)", THIRD),
				arguments("faq/blind-4.tsv", "faq-eval-blind-4.txt", "Fourth blind set (development)", FOURTH),
				arguments("faq/blind-5.tsv", "faq-eval-blind-5.txt", "Fifth blind set (development)", FIFTH),
				arguments("faq/blind-6.tsv", "faq-eval-blind-6.txt", "Sixth blind set (development)", SIXTH),
				arguments("faq/blind-7.tsv", "faq-eval-blind-7.txt", "Seventh blind set (development)", SEVENTH),
				arguments("faq/blind-8.tsv", "faq-eval-blind-8.txt", "Eighth blind set (development)", EIGHTH),
				arguments("faq/blind-two.tsv", "faq-eval-blind-two.txt", "Two-question blind set (development)", TWO),
				arguments("faq/blind-two-2.tsv", "faq-eval-blind-two-2.txt",
						"Second two-question blind set (development)", TWO_2),
				arguments("faq/blind-final.tsv", "faq-eval-blind-final.txt", "Final blind set", FINAL));
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("sets")
	void shouldAnswerEachBlindSetAboveItsFloors(String file, String reportName, String title, Floors floors)
			throws IOException {
		evaluate(file, reportName, title, floors);
	}

	@Test
	void shouldHaveTheGroupsTheIssueAsksFor() {
		Set<String> ids = new java.util.HashSet<>();
		FaqKnowledgeBase.load().entries().forEach((entry) -> ids.add(entry.id()));
		ids.add(FaqEvaluationTests.FALLBACK);
		for (String file : List.of("faq/blind.tsv", "faq/blind-2.tsv", "faq/blind-3.tsv", "faq/blind-4.tsv",
				"faq/blind-5.tsv", "faq/blind-6.tsv", "faq/blind-7.tsv", "faq/blind-8.tsv", "faq/blind-final.tsv")) {
			List<Row> rows = read(file);
			assertThat(rows).as(file).hasSizeGreaterThanOrEqualTo(200);
			assertThat(rows).as(file).filteredOn((row) -> row.lang().equals("en")).hasSizeGreaterThanOrEqualTo(40);
			assertThat(rows).as(file).filteredOn((row) -> row.kind().equals("trap")).hasSizeGreaterThanOrEqualTo(40);
			assertThat(rows).as(file).filteredOn((row) -> row.kind().equals("long")).hasSizeGreaterThanOrEqualTo(30);
			assertThat(rows).as(file)
				.allSatisfy((row) -> assertThat(ids).containsAll(List.of(row.expected().split("\\+"))));
			assertThat(rows).as(file)
				.filteredOn((row) -> row.kind().equals("trap"))
				.allSatisfy((row) -> assertThat(row.expected()).isEqualTo(FaqEvaluationTests.FALLBACK));
		}
	}

	private static void evaluate(String file, String reportName, String title, Floors floors) throws IOException {
		List<Row> rows = read(file);
		List<Outcome> outcomes = rows.stream().map((row) -> run(index, row)).toList();
		List<Outcome> alone = rows.stream().map((row) -> run(bm25Only, row)).toList();
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT,
				"%s: %d messages, top-1 %.1f%% (BM25 alone, without the classifier: %.1f%%; traps declined %.1f%%,"
						+ " English %.1f%%)%n",
				title, outcomes.size(), 100 * accuracy(outcomes, (o) -> true), 100 * accuracy(alone, (o) -> true),
				100 * accuracy(alone, (o) -> o.row().kind().equals("trap")),
				100 * accuracy(alone, (o) -> o.row().lang().equals("en"))));
		line(report, outcomes, "in scope (plain, answerable)",
				(o) -> o.row().kind().equals("plain") && !o.row().expected().equals(FaqEvaluationTests.FALLBACK));
		line(report, outcomes, "not stated in the facts", (o) -> o.row().kind().equals("notstated"));
		line(report, outcomes, "traps (declined)", (o) -> o.row().kind().equals("trap"));
		line(report, outcomes, "off-topic (declined)",
				(o) -> o.row().kind().equals("plain") && o.row().expected().equals(FaqEvaluationTests.FALLBACK));
		line(report, outcomes, "long messages", (o) -> o.row().kind().equals("long"));
		line(report, outcomes, "  of them asking two questions", (o) -> o.row().expected().contains("+"));
		line(report, outcomes, "English", (o) -> o.row().lang().equals("en"));
		line(report, outcomes, "Thai with English", (o) -> o.row().lang().equals("mix"));
		line(report, outcomes, "Thai", (o) -> o.row().lang().equals("th"));
		report.append("misses (expected, got, kind, lang, message):\n");
		for (Outcome outcome : outcomes) {
			if (!outcome.right()) {
				report.append(String.format(Locale.ROOT, "  %-24s %-16s %-9s %-3s %s%n", outcome.row().expected(),
						outcome.got(), outcome.row().kind(), outcome.row().lang(), outcome.row().question()));
			}
		}
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", reportName), report);
		System.out.print(report);
		assertThat(accuracy(outcomes, (o) -> true)).as(report.toString()).isGreaterThanOrEqualTo(floors.top1());
		assertThat(accuracy(outcomes, (o) -> o.row().kind().equals("trap"))).as(report.toString())
			.isGreaterThanOrEqualTo(floors.traps());
		assertThat(accuracy(outcomes, (o) -> o.row().lang().equals("en"))).as(report.toString())
			.isGreaterThanOrEqualTo(floors.english());
		assertThat(accuracy(outcomes, (o) -> o.row().kind().equals("long"))).as(report.toString())
			.isGreaterThanOrEqualTo(floors.longMessages());
	}

	/**
	 * The lowest share right overall, of traps declined, of English, of long messages.
	 */
	record Floors(double top1, double traps, double english, double longMessages) {
	}

	private static void line(StringBuilder report, List<Outcome> outcomes, String group, Predicate<Outcome> filter) {
		long count = outcomes.stream().filter(filter).count();
		report.append(
				String.format(Locale.ROOT, "  %-32s %5.1f%% of %d%n", group, 100 * accuracy(outcomes, filter), count));
	}

	private static double accuracy(List<Outcome> outcomes, Predicate<Outcome> filter) {
		List<Outcome> group = outcomes.stream().filter(filter).toList();
		return group.isEmpty() ? 1 : (double) group.stream().filter(Outcome::right).count() / group.size();
	}

	/**
	 * What the bot would say: every answer when it answers several questions (as it
	 * replies with several), else its one answer or the fallback.
	 */
	private static Outcome run(FaqIndex faq, Row row) {
		if (BeforeTheFaq.declines(row.question())) {
			return new Outcome(row, FaqEvaluationTests.FALLBACK);
		}
		FaqIndex.Reading reading = faq.read(row.question());
		if (reading.answers().size() >= 2) {
			return new Outcome(row,
					String.join("+", reading.answers().stream().map((answer) -> answer.match().id()).toList()));
		}
		FaqResult result = reading.best();
		String got = (result instanceof FaqResult.Answer answer) ? answer.match().id() : FaqEvaluationTests.FALLBACK;
		return new Outcome(row, got);
	}

	private static List<Row> read(String resource) {
		return EvaluationSets.read(resource, "expected\tkind\tlang\tquestion")
			.stream()
			.map((cells) -> new Row(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3]))
			.toList();
	}

	record Row(String expected, String kind, String lang, String question) {
	}

	record Outcome(Row row, String got) {

		/** Right when it says exactly what was asked: both answers for two questions. */
		boolean right() {
			return Set.of(this.got.split("\\+")).equals(Set.of(this.row.expected().split("\\+")));
		}

	}

}
