package th.or.depa.sca.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import th.or.depa.sca.loadtest.ChatTexts;
import th.or.depa.sca.nlp.faq.FaqDocument;
import th.or.depa.sca.nlp.segment.ThaiAnalysis;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.faq.FaqEntry;
import th.or.depa.sca.templates.faq.FaqKnowledgeBase;

/**
 * The texts the benchmarks run on: the evaluation set's questions, the FAQ, and a FAQ
 * grown to a given size with synthetic entries made of the real entries' words.
 */
final class Corpus {

	/** The round-2 deadline day (21 July 2022) in Bangkok. */
	static final Date DEADLINE = Date.from(Instant.parse("2022-07-20T17:00:00Z"));

	private Corpus() {
	}

	/** The evaluation set's questions, in file order. */
	static List<String> questions() {
		InputStream in = Corpus.class.getClassLoader().getResourceAsStream("faq/eval.tsv");
		if (in == null) {
			throw new IllegalStateException("faq/eval.tsv is missing from the benchmark's class path");
		}
		List<String> out = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("expected\t")) {
					out.add(line.substring(line.lastIndexOf('\t') + 1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

	/**
	 * {@code count} questions as the load test sends them: the evaluation set's, each
	 * varied as people chat (particles, typos, emoji, names, numbers) by the load test's
	 * own {@link ChatTexts#vary}, the same every run.
	 */
	static List<String> chatQuestions(int count) {
		List<String> questions = questions();
		SplittableRandom random = new SplittableRandom(1);
		List<String> out = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			out.add(ChatTexts.vary(questions.get(random.nextInt(questions.size())), random, true));
		}
		return out;
	}

	/**
	 * The real FAQ plus synthetic entries up to {@code size} entries. Synthetic entries
	 * have as many phrasings as a real one, each a run of 3 to 8 words drawn from the
	 * real phrasings' vocabulary, written without spaces as Thai users write: the index
	 * gets the size and term statistics of a FAQ that grew, not of random noise.
	 */
	static List<FaqDocument> faq(FaqKnowledgeBase knowledge, ThaiAnalysis analysis, int size) {
		List<FaqDocument> documents = new ArrayList<>(knowledge.documents(DEADLINE));
		Set<String> vocabulary = new LinkedHashSet<>();
		for (FaqEntry entry : knowledge.entries()) {
			entry.allQuestions().forEach((q) -> vocabulary.addAll(analysis.words(q)));
		}
		List<String> words = new ArrayList<>(vocabulary);
		int phrasings = (int) Math.round(documents.stream().mapToInt((d) -> d.questions().size()).average().orElse(8));
		Random random = new Random(42);
		for (int i = documents.size(); i < size; i++) {
			List<String> questions = new ArrayList<>();
			for (int p = 0; p < phrasings; p++) {
				StringBuilder question = new StringBuilder();
				int length = 3 + random.nextInt(6);
				for (int w = 0; w < length; w++) {
					question.append(words.get(random.nextInt(words.size())));
				}
				questions.add(question.toString());
			}
			documents.add(new FaqDocument("synthetic-" + i, questions));
		}
		return documents;
	}

	/**
	 * Thai running text: every answer of the FAQ and every question of the evaluation
	 * set.
	 */
	static String thaiText(FaqKnowledgeBase knowledge) {
		StringBuilder text = new StringBuilder();
		for (FaqEntry entry : knowledge.entries()) {
			text.append(knowledge.answer(entry, Lang.TH, DEADLINE)).append(' ');
			entry.questions().get(Lang.TH).forEach((q) -> text.append(q).append(' '));
		}
		questions().forEach((q) -> text.append(q).append(' '));
		return text.toString();
	}

}
