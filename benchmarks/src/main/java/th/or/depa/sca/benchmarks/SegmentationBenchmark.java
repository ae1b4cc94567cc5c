package th.or.depa.sca.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
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

import th.or.depa.sca.nlp.ThaiText;
import th.or.depa.sca.nlp.segment.ThaiAnalysis;
import th.or.depa.sca.templates.faq.FaqKnowledgeBase;

/**
 * Normalization plus segmentation (our whole chain: ICU NFKC, Lucene's Thai char filter,
 * synonym mapping, Lucene's ThaiTokenizer with the user dictionary, Thai normalization
 * and repeat filters) against ICU4J's plain word BreakIterator on the same Thai text. One
 * operation is one pass over the whole text; chars/s = ops/s x {@link #length}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(2)
public class SegmentationBenchmark {

	private String text;

	private ThaiAnalysis analysis;

	private BreakIterator icu;

	@Setup(Level.Trial)
	public void load() {
		FaqKnowledgeBase knowledge = FaqKnowledgeBase.load();
		this.analysis = knowledge.analysis();
		this.text = Corpus.thaiText(knowledge);
		this.icu = BreakIterator.getWordInstance(new ULocale("th"));
	}

	/** Characters in one pass, for converting ops/s to chars/s. */
	static int length() {
		return Corpus.thaiText(FaqKnowledgeBase.load()).length();
	}

	@Benchmark
	public List<String> normalizeAndSegment() {
		return this.analysis.segments(this.text);
	}

	@Benchmark
	public int normalizeOnly() {
		return ThaiText.normalize(this.text).length();
	}

	@Benchmark
	public int icuBreakIterator() {
		this.icu.setText(this.text);
		int words = 0;
		for (int end = this.icu.next(); end != BreakIterator.DONE; end = this.icu.next()) {
			words++;
		}
		return words;
	}

}
