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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import th.or.depa.sca.nlp.faq.FaqIndex;
import th.or.depa.sca.nlp.faq.FaqSettings;
import th.or.depa.sca.nlp.intent.IntentRecognizer;
import th.or.depa.sca.nlp.segment.ThaiAnalysis;
import th.or.depa.sca.templates.faq.FaqKnowledgeBase;

/**
 * Time to answer one question as the bot does (command check, then the FAQ index) with a
 * FAQ of {@code entries} entries, sampled per call so that JMH reports percentiles. The
 * questions are, in turn, the evaluation set's ({@code texts=eval}) or 20,000 of them as
 * the load test sends them, varied as people chat ({@code texts=chat}: particles, typos,
 * names, emoji, numbers; most of them unique).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(2)
public class FaqBenchmark {

	@Param({ "300" })
	int entries;

	@Param({ "eval", "chat" })
	String texts;

	private FaqIndex index;

	private IntentRecognizer intents;

	private List<String> questions;

	private int next;

	@Setup(Level.Trial)
	public void build() {
		FaqKnowledgeBase knowledge = FaqKnowledgeBase.load();
		ThaiAnalysis analysis = knowledge.analysis();
		this.index = FaqIndex.build(Corpus.faq(knowledge, analysis, this.entries), analysis, FaqSettings.DEFAULTS);
		this.intents = IntentRecognizer.standard(analysis);
		this.questions = "chat".equals(this.texts) ? Corpus.chatQuestions(20_000) : Corpus.questions();
	}

	@Benchmark
	public Object answer() {
		String question = this.questions.get(this.next);
		this.next = (this.next + 1 == this.questions.size()) ? 0 : this.next + 1;
		var command = this.intents.recognize(question);
		if (command.isPresent()) {
			return command.get();
		}
		return this.index.read(question);
	}

}
