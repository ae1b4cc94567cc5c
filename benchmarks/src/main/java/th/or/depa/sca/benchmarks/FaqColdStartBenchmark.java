package th.or.depa.sca.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import th.or.depa.sca.nlp.faq.FaqDocument;
import th.or.depa.sca.nlp.faq.FaqIndex;
import th.or.depa.sca.nlp.faq.FaqSettings;
import th.or.depa.sca.nlp.intent.IntentRecognizer;
import th.or.depa.sca.nlp.segment.ThaiAnalysis;
import th.or.depa.sca.templates.faq.FaqKnowledgeBase;

/**
 * The cold path, once per fresh JVM: building the FAQ index of {@value #ENTRIES} entries,
 * the first question answered after it (command check, then the index, as in
 * {@link FaqBenchmark}), and the bot's whole start-up with today's FAQ (knowledge base,
 * analysis, recognizer, index, first answer). Nothing is warmed up; each fork gives one
 * sample of each.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1, batchSize = 1)
@Fork(10)
public class FaqColdStartBenchmark {

	static final int ENTRIES = 300;

	/**
	 * The FAQ grown to {@value #ENTRIES} entries, and the analysis, for
	 * {@link #buildIndex}.
	 */
	@State(Scope.Benchmark)
	public static class Documents {

		ThaiAnalysis analysis;

		List<FaqDocument> documents;

		@Setup(Level.Trial)
		public void load() {
			FaqKnowledgeBase knowledge = FaqKnowledgeBase.load();
			this.analysis = knowledge.analysis();
			this.documents = Corpus.faq(knowledge, this.analysis, ENTRIES);
		}

	}

	/** A built index of {@value #ENTRIES} entries, for {@link #firstQuestion}. */
	@State(Scope.Benchmark)
	public static class Built {

		FaqIndex index;

		IntentRecognizer intents;

		String question;

		@Setup(Level.Trial)
		public void build() {
			FaqKnowledgeBase knowledge = FaqKnowledgeBase.load();
			ThaiAnalysis analysis = knowledge.analysis();
			this.index = FaqIndex.build(Corpus.faq(knowledge, analysis, ENTRIES), analysis, FaqSettings.DEFAULTS);
			this.intents = IntentRecognizer.standard(analysis);
			this.question = Corpus.questions().get(0);
		}

	}

	/** The first question of the evaluation set, for {@link #startUp}. */
	@State(Scope.Benchmark)
	public static class Question {

		String text;

		@Setup(Level.Trial)
		public void read() {
			this.text = Corpus.questions().get(0);
		}

	}

	/** Building the index, the first time in this JVM. */
	@Benchmark
	public FaqIndex buildIndex(Documents documents) {
		return FaqIndex.build(documents.documents, documents.analysis, FaqSettings.DEFAULTS);
	}

	/** The first question after the index is built. */
	@Benchmark
	public Object firstQuestion(Built built) {
		return answer(built.intents, built.index, built.question);
	}

	/**
	 * What the bot does before its first answer, with today's FAQ: load the knowledge
	 * base, build the analysis, the recognizer and the index, answer one question.
	 */
	@Benchmark
	public Object startUp(Question question) {
		FaqKnowledgeBase knowledge = FaqKnowledgeBase.load();
		ThaiAnalysis analysis = knowledge.analysis();
		IntentRecognizer intents = IntentRecognizer.standard(analysis);
		FaqIndex index = FaqIndex.build(knowledge.documents(Corpus.DEADLINE), analysis, FaqSettings.DEFAULTS);
		return answer(intents, index, question.text);
	}

	private static Object answer(IntentRecognizer intents, FaqIndex index, String question) {
		var command = intents.recognize(question);
		return command.isPresent() ? command.get() : index.ask(question);
	}

}
