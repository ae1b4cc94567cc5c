package th.or.depa.sca.nlp.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import th.or.depa.sca.nlp.segment.ThaiAnalysis;

/**
 * Finds the FAQ entry a question asks for: an in-memory Lucene index (BM25) with one
 * document per entry (its phrasings, and its answers at a lower weight), searched on
 * whole words and on character trigrams (which forgive typos and segmentation slips), and
 * a confidence that says how much of the question the best phrasing explains, so that the
 * bot can decline to guess.
 *
 * <p>
 * Immutable and thread-safe; build a new one when the FAQ changes.
 */
public final class FaqIndex {

	private static final String WORD = "word";

	private static final String GRAM = "gram";

	private static final String CONTEXT_WORD = "cword";

	private static final String CONTEXT_GRAM = "cgram";

	/** Context (answer) text counts this much of a phrasing's words. */
	private static final float CONTEXT_WEIGHT = 0.3f;

	private static final int GRAM_SIZE = 3;

	/**
	 * Longer questions are cut here: the point of a chat question is in its first words.
	 */
	private static final int MAX_WORDS = 48;

	private static final int CANDIDATE_DOCS = 40;

	/** How much more than the FAQ's rarest word a word it has never seen weighs. */
	private static final double UNKNOWN_WEIGHT = 1.5;

	private static final int MAX_RANKED = 8;

	private final ThaiAnalysis analysis;

	private final FaqSettings settings;

	private final List<Phrasing> phrasings;

	private final IndexSearcher searcher;

	private final Map<String, Float> idf;

	private final float unknownIdf;

	private final Lexicon lexicon;

	private FaqIndex(ThaiAnalysis analysis, FaqSettings settings, List<Phrasing> phrasings, IndexSearcher searcher,
			Map<String, Float> idf, float unknownIdf, Lexicon lexicon) {
		this.analysis = analysis;
		this.settings = settings;
		this.phrasings = phrasings;
		this.searcher = searcher;
		this.idf = idf;
		this.unknownIdf = unknownIdf;
		this.lexicon = lexicon;
	}

	/** Indexes every phrasing of every entry. */
	public static FaqIndex build(Collection<FaqDocument> documents, ThaiAnalysis analysis, FaqSettings settings) {
		List<Phrasing> phrasings = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (FaqDocument document : documents) {
			if (!ids.add(document.id())) {
				throw new IllegalArgumentException("Two FAQ entries have the id '" + document.id() + "'");
			}
			Set<String> words = new LinkedHashSet<>();
			Set<String> grams = new LinkedHashSet<>();
			for (String question : document.questions()) {
				List<String> questionWords = limit(analysis.words(question));
				if (questionWords.isEmpty()) {
					throw new IllegalArgumentException("FAQ entry '" + document.id() + "': the question '" + question
							+ "' has no words left after stop words are removed");
				}
				words.addAll(questionWords);
				grams.addAll(grams(questionWords));
			}
			Set<String> contextWords = new LinkedHashSet<>();
			Set<String> contextGrams = new LinkedHashSet<>();
			for (String text : document.context()) {
				List<String> textWords = analysis.words(text);
				contextWords.addAll(textWords);
				for (String word : textWords) {
					contextGrams.addAll(grams(List.of(word)));
				}
			}
			phrasings.add(
					new Phrasing(document.id(), document.questions().get(0), words, grams, contextWords, contextGrams));
		}
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
		config.setSimilarity(new BM25Similarity());
		try (IndexWriter writer = new IndexWriter(directory, config)) {
			for (Phrasing phrasing : phrasings) {
				Document doc = new Document();
				doc.add(new TextField(WORD, String.join(" ", phrasing.words()), Field.Store.NO));
				doc.add(new TextField(GRAM, String.join(" ", phrasing.grams()), Field.Store.NO));
				doc.add(new TextField(CONTEXT_WORD, String.join(" ", phrasing.contextWords()), Field.Store.NO));
				doc.add(new TextField(CONTEXT_GRAM, String.join(" ", phrasing.contextGrams()), Field.Store.NO));
				writer.addDocument(doc);
			}
			// One segment keeps Lucene's doc ids equal to positions in the phrasing list.
			writer.forceMerge(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot build the in-memory FAQ index", ex);
		}
		try {
			DirectoryReader reader = DirectoryReader.open(directory);
			IndexSearcher searcher = new IndexSearcher(reader);
			searcher.setSimilarity(new BM25Similarity());
			int count = reader.numDocs();
			Map<String, Float> idf = new HashMap<>();
			for (Phrasing phrasing : phrasings) {
				for (String word : phrasing.words()) {
					idf.computeIfAbsent(WORD + ":" + word, (key) -> idf(count, docFreq(reader, WORD, word)));
				}
				for (String gram : phrasing.grams()) {
					idf.computeIfAbsent(GRAM + ":" + gram, (key) -> idf(count, docFreq(reader, GRAM, gram)));
				}
				for (String word : phrasing.contextWords()) {
					idf.computeIfAbsent(CONTEXT_WORD + ":" + word,
							(key) -> idf(count, docFreq(reader, CONTEXT_WORD, word)));
				}
				for (String gram : phrasing.contextGrams()) {
					idf.computeIfAbsent(CONTEXT_GRAM + ":" + gram,
							(key) -> idf(count, docFreq(reader, CONTEXT_GRAM, gram)));
				}
			}
			Map<String, Integer> known = new HashMap<>();
			for (Phrasing phrasing : phrasings) {
				phrasing.words().forEach((word) -> known.merge(word, 2, Integer::sum));
				phrasing.contextWords().forEach((word) -> known.merge(word, 1, Integer::sum));
			}
			Lexicon lexicon = Lexicon.of(known, analysis.variants());
			return new FaqIndex(analysis, settings, List.copyOf(phrasings), searcher, Map.copyOf(idf), idf(count, 0),
					lexicon);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the in-memory FAQ index", ex);
		}
	}

	/** How many phrasings are indexed. */
	public int size() {
		return this.phrasings.size();
	}

	/** Finds the entry the question asks for, or says that none is close enough. */
	public FaqResult ask(String question) {
		List<String> words = this.lexicon.correct(limit(this.analysis.words(question)));
		if (words.isEmpty()) {
			return new FaqResult.NoMatch(List.of());
		}
		Set<String> queryWords = new LinkedHashSet<>(words);
		Set<String> queryGrams = grams(words);
		List<FaqMatch> ranked = rank(query(queryWords, queryGrams), queryWords, queryGrams);
		if (ranked.isEmpty()) {
			return new FaqResult.NoMatch(ranked);
		}
		FaqMatch best = ranked.get(0);
		if (best.confidence() >= this.settings.answerConfidence()) {
			return new FaqResult.Answer(best, ranked);
		}
		List<FaqMatch> closest = ranked.stream()
			.filter((match) -> match.confidence() >= this.settings.suggestConfidence())
			.limit(this.settings.suggestions())
			.toList();
		return closest.isEmpty() ? new FaqResult.NoMatch(ranked) : new FaqResult.Unsure(closest, ranked);
	}

	private Query query(Set<String> words, Set<String> grams) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		for (String word : words) {
			if (this.idf.containsKey(WORD + ":" + word)) {
				query.add(new BoostQuery(new TermQuery(new Term(WORD, word)), this.settings.wordWeight()),
						Occur.SHOULD);
			}
		}
		for (String gram : grams) {
			if (this.idf.containsKey(GRAM + ":" + gram)) {
				query.add(new BoostQuery(new TermQuery(new Term(GRAM, gram)), this.settings.gramWeight()),
						Occur.SHOULD);
			}
			if (this.idf.containsKey(CONTEXT_GRAM + ":" + gram)) {
				query.add(new BoostQuery(new TermQuery(new Term(CONTEXT_GRAM, gram)),
						this.settings.gramWeight() * CONTEXT_WEIGHT), Occur.SHOULD);
			}
		}
		for (String word : words) {
			if (this.idf.containsKey(CONTEXT_WORD + ":" + word)) {
				query.add(new BoostQuery(new TermQuery(new Term(CONTEXT_WORD, word)),
						this.settings.wordWeight() * CONTEXT_WEIGHT), Occur.SHOULD);
			}
		}
		return query.build();
	}

	private List<FaqMatch> rank(Query query, Set<String> words, Set<String> grams) {
		ScoreDoc[] hits;
		try {
			hits = this.searcher.search(query, CANDIDATE_DOCS).scoreDocs;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot search the in-memory FAQ index", ex);
		}
		Map<String, FaqMatch> best = new LinkedHashMap<>();
		for (ScoreDoc hit : hits) {
			Phrasing entry = this.phrasings.get(hit.doc);
			if (best.size() < MAX_RANKED) {
				best.put(entry.id(),
						new FaqMatch(entry.id(), hit.score, confidence(words, grams, entry), entry.text()));
			}
		}
		return List.copyOf(best.values());
	}

	/**
	 * The share of the question's weight (idf) that the entry's phrasings contain (its
	 * answer counts less), on words and on trigrams. Words the FAQ has never seen weigh
	 * more than its rarest word, so that a question about something else that shares a
	 * few of the FAQ's words ("สมัครสอบ ก.พ. ได้ถึงวันไหน") scores low.
	 */
	private double confidence(Set<String> words, Set<String> grams, Phrasing entry) {
		double wordCoverage = coverage(WORD, words, entry.words(), entry.contextWords());
		double gramCoverage = coverage(GRAM, grams, entry.grams(), entry.contextGrams());
		return (wordCoverage + gramCoverage) / 2;
	}

	private double coverage(String field, Set<String> query, Set<String> phrasing, Set<String> context) {
		double total = 0;
		double covered = 0;
		for (String term : query) {
			Float known = this.idf.get(field + ":" + term);
			double weight = (known != null) ? known : this.unknownIdf * UNKNOWN_WEIGHT;
			total += weight;
			if (phrasing.contains(term)) {
				covered += weight;
			}
			else if (context.contains(term)) {
				covered += weight * CONTEXT_WEIGHT;
			}
		}
		return (total == 0) ? 0 : covered / total;
	}

	private static List<String> limit(List<String> words) {
		return (words.size() > MAX_WORDS) ? words.subList(0, MAX_WORDS) : words;
	}

	static Set<String> grams(List<String> words) {
		String joined = String.join("", words);
		Set<String> grams = new LinkedHashSet<>();
		if (joined.length() <= GRAM_SIZE) {
			grams.add(joined);
			return grams;
		}
		for (int i = 0; i + GRAM_SIZE <= joined.length(); i++) {
			grams.add(joined.substring(i, i + GRAM_SIZE));
		}
		return grams;
	}

	private static int docFreq(DirectoryReader reader, String field, String term) {
		try {
			return reader.docFreq(new Term(field, term));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the in-memory FAQ index", ex);
		}
	}

	/** BM25's idf, so that the confidence weighs terms as the ranking does. */
	private static float idf(int docCount, int docFreq) {
		return (float) Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
	}

	private record Phrasing(String id, String text, Set<String> words, Set<String> grams, Set<String> contextWords,
			Set<String> contextGrams) {
	}

}
