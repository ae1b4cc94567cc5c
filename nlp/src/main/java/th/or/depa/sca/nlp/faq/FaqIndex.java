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
 * document per entry (its phrasings, each word counted once per phrasing that has it, and
 * its answers at a lower weight), searched on whole words and on character trigrams
 * (which forgive segmentation slips), after unknown words are mended against the FAQ's
 * own ({@link Lexicon}); and a confidence that says how much of the question the entry
 * explains, so that the bot can decline to guess. Messages of the off-topic list are
 * documents of their own; a question one of them explains better is declined.
 *
 * <p>
 * Immutable and thread-safe; build a new one when the FAQ changes.
 */
public final class FaqIndex {

	/**
	 * The id of the document that holds messages known not to be about the program: when
	 * one of them explains more of a question than any entry, the index answers nothing.
	 * Never reported as a match.
	 */
	public static final String OFF_TOPIC = "off-topic";

	private static final String WORD = "word";

	private static final String GRAM = "gram";

	private static final String CONTEXT_WORD = "cword";

	/** Context (answer) text counts this much of a phrasing's words. */
	private static final float CONTEXT_WEIGHT = 0.3f;

	private static final int GRAM_SIZE = 3;

	/**
	 * Longer questions are cut here: the point of a chat question is in its first words.
	 */
	private static final int MAX_WORDS = 48;

	/** How much more than the FAQ's rarest word a word it has never seen weighs. */
	private static final double UNKNOWN_WEIGHT = 1.5;

	/** How much of the FAQ's rarest word a number it has never seen weighs. */
	private static final double NUMBER_WEIGHT = 0.25;

	private static final int MAX_RANKED = 8;

	/** Off-topic messages are documents of their own; this many more hits make room. */
	private static final int OFF_TOPIC_HITS = 8;

	private final ThaiAnalysis analysis;

	private final FaqSettings settings;

	private final List<Phrasing> phrasings;

	private final IndexSearcher searcher;

	private final Map<String, Float> wordIdf;

	private final Map<String, Float> gramIdf;

	private final Terms indexed;

	private final float unknownIdf;

	private final Lexicon lexicon;

	private FaqIndex(ThaiAnalysis analysis, FaqSettings settings, List<Phrasing> phrasings, IndexSearcher searcher,
			Map<String, Float> wordIdf, Map<String, Float> gramIdf, Terms indexed, float unknownIdf, Lexicon lexicon) {
		this.analysis = analysis;
		this.settings = settings;
		this.phrasings = phrasings;
		this.searcher = searcher;
		this.wordIdf = wordIdf;
		this.gramIdf = gramIdf;
		this.indexed = indexed;
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
			if (document.id().equals(OFF_TOPIC)) {
				// One short document per message, so that BM25 ranks a close one high.
				for (String message : document.questions()) {
					List<String> messageWords = limit(analysis.words(message));
					if (!messageWords.isEmpty()) {
						phrasings.add(new Phrasing(OFF_TOPIC, message, new LinkedHashSet<>(messageWords),
								grams(messageWords), Set.of(), Set.of(), String.join(" ", messageWords),
								String.join(" ", grams(messageWords))));
					}
				}
				continue;
			}
			Set<String> words = new LinkedHashSet<>();
			Set<String> grams = new LinkedHashSet<>();
			StringBuilder wordText = new StringBuilder();
			StringBuilder gramText = new StringBuilder();
			for (String question : document.questions()) {
				List<String> questionWords = limit(analysis.words(question));
				if (questionWords.isEmpty()) {
					throw new IllegalArgumentException("FAQ entry '" + document.id() + "': the question '" + question
							+ "' has no words left after stop words are removed");
				}
				words.addAll(questionWords);
				grams.addAll(grams(questionWords));
				// A word counts once per phrasing that has it: BM25 then ranks an entry
				// higher for the words its phrasings use most.
				wordText.append(String.join(" ", new LinkedHashSet<>(questionWords))).append(' ');
				gramText.append(String.join(" ", grams(questionWords))).append(' ');
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
			phrasings.add(new Phrasing(document.id(), document.questions().get(0), words, grams, contextWords,
					contextGrams, wordText.toString(), gramText.toString()));
		}
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
		config.setSimilarity(new BM25Similarity());
		try (IndexWriter writer = new IndexWriter(directory, config)) {
			for (Phrasing phrasing : phrasings) {
				Document doc = new Document();
				doc.add(new TextField(WORD, phrasing.wordText(), Field.Store.NO));
				doc.add(new TextField(GRAM, phrasing.gramText(), Field.Store.NO));
				doc.add(new TextField(CONTEXT_WORD, String.join(" ", phrasing.contextWords()), Field.Store.NO));
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
			// The confidence weighs terms by the entries alone: a word only the off-topic
			// list has is one the FAQ does not know.
			Map<String, Integer> wordFrequency = new HashMap<>();
			Map<String, Integer> gramFrequency = new HashMap<>();
			Terms indexed = new Terms(new HashSet<>(), new HashSet<>(), new HashSet<>());
			Map<String, Integer> known = new HashMap<>();
			int count = 0;
			for (Phrasing phrasing : phrasings) {
				indexed.words().addAll(phrasing.words());
				indexed.grams().addAll(phrasing.grams());
				indexed.contextWords().addAll(phrasing.contextWords());
				phrasing.words().forEach((word) -> known.merge(word, 2, Integer::sum));
				phrasing.contextWords().forEach((word) -> known.merge(word, 1, Integer::sum));
				if (!phrasing.id().equals(OFF_TOPIC)) {
					count++;
					phrasing.words().forEach((word) -> wordFrequency.merge(word, 1, Integer::sum));
					phrasing.grams().forEach((gram) -> gramFrequency.merge(gram, 1, Integer::sum));
				}
			}
			Lexicon lexicon = Lexicon.of(known, analysis.variants());
			return new FaqIndex(analysis, settings, List.copyOf(phrasings), searcher, idf(count, wordFrequency),
					idf(count, gramFrequency), indexed.copy(), idf(count, 0), lexicon);
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
		List<FaqMatch> all = rank(query(queryWords, queryGrams), queryWords, queryGrams);
		List<FaqMatch> ranked = all.stream().filter((match) -> !match.id().equals(OFF_TOPIC)).toList();
		if (ranked.isEmpty() || all.get(0).id().equals(OFF_TOPIC)) {
			// Closest to the messages known to be about something else.
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
			if (this.indexed.words().contains(word)) {
				query.add(new BoostQuery(new TermQuery(new Term(WORD, word)), this.settings.wordWeight()),
						Occur.SHOULD);
			}
		}
		for (String gram : grams) {
			if (this.indexed.grams().contains(gram)) {
				query.add(new BoostQuery(new TermQuery(new Term(GRAM, gram)), this.settings.gramWeight()),
						Occur.SHOULD);
			}
		}
		for (String word : words) {
			if (this.indexed.contextWords().contains(word)) {
				query.add(new BoostQuery(new TermQuery(new Term(CONTEXT_WORD, word)),
						this.settings.wordWeight() * CONTEXT_WEIGHT), Occur.SHOULD);
			}
		}
		return query.build();
	}

	private List<FaqMatch> rank(Query query, Set<String> words, Set<String> grams) {
		ScoreDoc[] hits;
		try {
			hits = this.searcher.search(query, MAX_RANKED + OFF_TOPIC_HITS).scoreDocs;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot search the in-memory FAQ index", ex);
		}
		Weighted wordWeights = weigh(words, this.wordIdf, true);
		Weighted gramWeights = weigh(grams, this.gramIdf, false);
		Map<String, FaqMatch> ranked = new LinkedHashMap<>();
		FaqMatch offTopic = null;
		for (ScoreDoc hit : hits) {
			Phrasing entry = this.phrasings.get(hit.doc);
			if (entry.id().equals(OFF_TOPIC)) {
				FaqMatch match = new FaqMatch(OFF_TOPIC, hit.score, confidence(wordWeights, gramWeights, entry),
						entry.text());
				if (offTopic == null || match.confidence() > offTopic.confidence()) {
					offTopic = match;
				}
			}
			else if (!ranked.containsKey(entry.id()) && ranked.size() < MAX_RANKED) {
				ranked.put(entry.id(),
						new FaqMatch(entry.id(), hit.score, confidence(wordWeights, gramWeights, entry), entry.text()));
			}
		}
		List<FaqMatch> out = new ArrayList<>(ranked.values());
		if (offTopic != null) {
			// Placed by confidence: ahead of the entries when one message explains
			// more of the question than any entry does.
			int at = 0;
			while (at < out.size() && out.get(at).confidence() >= offTopic.confidence()) {
				at++;
			}
			out.add(at, offTopic);
		}
		return out;
	}

	/**
	 * The share of the question's weight (idf) that the entry's phrasings contain (its
	 * answer counts less), on words and on trigrams. Words the FAQ has never seen weigh
	 * more than its rarest word, so that a question about something else that shares a
	 * few of the FAQ's words ("สมัครสอบ ก.พ. ได้ถึงวันไหน") scores low.
	 */
	private static double confidence(Weighted words, Weighted grams, Phrasing entry) {
		return (words.coverage(entry.words(), entry.contextWords())
				+ grams.coverage(entry.grams(), entry.contextGrams())) / 2;
	}

	private Weighted weigh(Set<String> terms, Map<String, Float> idf, boolean words) {
		String[] array = terms.toArray(String[]::new);
		double[] weights = new double[array.length];
		double total = 0;
		for (int i = 0; i < array.length; i++) {
			Float known = idf.get(array[i]);
			if (known != null) {
				weights[i] = known;
			}
			else if (words ? isNumber(array[i]) : Lexicon.hasDigit(array[i])) {
				// A number the FAQ lacks is a detail of the question ("อายุ 35"), not a
				// sign that it is about something else.
				weights[i] = this.unknownIdf * NUMBER_WEIGHT;
			}
			else {
				weights[i] = this.unknownIdf * UNKNOWN_WEIGHT;
			}
			total += weights[i];
		}
		return new Weighted(array, weights, total);
	}

	private static boolean isNumber(String word) {
		for (int i = 0; i < word.length(); i++) {
			if (!Character.isDigit(word.charAt(i))) {
				return false;
			}
		}
		return !word.isEmpty();
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

	private static Map<String, Float> idf(int docCount, Map<String, Integer> frequency) {
		Map<String, Float> idf = new HashMap<>();
		frequency.forEach((term, docFreq) -> idf.put(term, idf(docCount, docFreq)));
		return Map.copyOf(idf);
	}

	/** BM25's idf, so that the confidence weighs terms as the ranking does. */
	private static float idf(int docCount, int docFreq) {
		return (float) Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
	}

	/**
	 * The terms some document of the index has, by field: only these are searched for.
	 */
	private record Terms(Set<String> words, Set<String> grams, Set<String> contextWords) {

		Terms copy() {
			return new Terms(Set.copyOf(this.words), Set.copyOf(this.grams), Set.copyOf(this.contextWords));
		}

	}

	/** A question's terms with their weights, worked out once per question. */
	private record Weighted(String[] terms, double[] weights, double total) {

		double coverage(Set<String> phrasing, Set<String> context) {
			double covered = 0;
			for (int i = 0; i < this.terms.length; i++) {
				if (phrasing.contains(this.terms[i])) {
					covered += this.weights[i];
				}
				else if (context.contains(this.terms[i])) {
					covered += this.weights[i] * CONTEXT_WEIGHT;
				}
			}
			return (this.total == 0) ? 0 : covered / this.total;
		}

	}

	private record Phrasing(String id, String text, Set<String> words, Set<String> grams, Set<String> contextWords,
			Set<String> contextGrams, String wordText, String gramText) {
	}

}
