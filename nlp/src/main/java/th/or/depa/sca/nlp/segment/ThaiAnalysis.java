package th.or.depa.sca.nlp.segment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.th.ThaiNormalizationFilter;
import org.apache.lucene.analysis.th.ThaiRepeatFilter;
import org.apache.lucene.analysis.th.ThaiTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

import th.or.depa.sca.nlp.ThaiText;

/**
 * Splits Thai (and English) text into the words used for matching: Lucene's
 * {@link ThaiTokenizer} with our user dictionary, synonyms folded to one canonical word,
 * repetition marks expanded, our own stop list.
 *
 * <p>
 * Thread-safe: each thread has its own token streams. The bot reads one message several
 * times (as a command, then as a question), so each thread also remembers the analysis of
 * its latest few texts.
 */
public final class ThaiAnalysis {

	private static final String DICTIONARY = "user-dictionary.txt";

	private static final String STOP_WORDS = "stopwords.txt";

	private static final String COLLOQUIAL = "colloquial.txt";

	private static final Pattern LATIN_WORD_GAP = Pattern.compile("[^\\p{L}\\p{N}]+");

	private final CharArraySet dictionary;

	private final CharArraySet stopWords;

	private final NormalizeCharMap charMap;

	private final Map<String, String> canonical;

	private final SynonymMap latinSynonyms;

	private final Analyzer words;

	private final Analyzer segments;

	/**
	 * The first word of each Latin synonym: a synonym applies only from a token that is
	 * one of these, so for a text without one, a single pass of the tokenizer (without
	 * the synonym filter) gives both its {@link #words} and its {@link #segments}.
	 */
	private final Set<String> synonymStarts = new HashSet<>();

	private final ThreadLocal<Recent> recent = ThreadLocal.withInitial(Recent::new);

	private ThaiAnalysis(Set<String> dictionary, Set<String> stopWords, Map<String, String> colloquial,
			Map<String, String> canonical) {
		if (!ThaiTokenizer.DBBI_AVAILABLE) {
			throw new IllegalStateException("This JDK has no Thai word break iterator (module jdk.localedata)");
		}
		this.dictionary = new UserDictionary(dictionary);
		this.stopWords = CharArraySet.unmodifiableSet(new CharArraySet(stopWords, false));
		NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
		// Spaces around each known word keep a neighbour from swallowing its first
		// letters
		// ("ของดีป้า" is "ของ ดีป้า", not "ของดี ป้า"); MappingCharFilter takes the
		// longest match.
		Map<String, String> replacements = new LinkedHashMap<>();
		// A colloquial form of a synonym is read as the synonym's canonical word at once:
		// the char filter makes one pass.
		colloquial.forEach((variant, standard) -> replacements.put(variant,
				" " + Arrays.stream(standard.split(" "))
					.map((word) -> canonical.getOrDefault(word, word))
					.collect(Collectors.joining(" ")) + " "));
		for (String word : dictionary) {
			replacements.put(word, " " + word + " ");
		}
		// Thai has no spaces between words, so Thai variants are replaced wherever they
		// appear (longest first); Latin ones only as whole words ("fee" but not
		// "coffee").
		SynonymMap.Builder latin = new SynonymMap.Builder(true);
		canonical.forEach((variant, word) -> {
			if (ThaiText.containsThai(variant)) {
				replacements.put(variant, " " + word + " ");
			}
			else {
				// Read as the stop filter and stemmer leave the question's words
				// ("captains" is "captain").
				String[] words = latinWords(variant, this.stopWords);
				if (words.length > 0) {
					this.synonymStarts.add(words[0]);
					latin.add(SynonymMap.Builder.join(words, new CharsRefBuilder()), new CharsRef(word), false);
				}
			}
		});
		replacements.forEach(map::add);
		this.charMap = map.build();
		try {
			this.latinSynonyms = latin.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Building an in-memory synonym map cannot fail", ex);
		}
		this.canonical = Map.copyOf(canonical);
		this.words = new PipelineAnalyzer(true);
		this.segments = new PipelineAnalyzer(false);
	}

	/** Our dictionary and stop list, no synonyms. */
	public static ThaiAnalysis standard() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The words of the text that matter for matching, normalized, in order: synonyms as
	 * their canonical word, stop words and particles removed, "ๆ" expanded.
	 */
	public List<String> words(String text) {
		return new ArrayList<>(analyzed(normalized(text)).words());
	}

	/**
	 * All the words of the text in order, stop words included (for segmentation only).
	 */
	public List<String> segments(String text) {
		return new ArrayList<>(analyzed(normalized(text)).segments());
	}

	/**
	 * The text as {@link ThaiText#normalize} writes it; the thread's latest few are
	 * remembered.
	 */
	public String normalized(String text) {
		Recent recent = this.recent.get();
		String normalized = recent.normalized(text);
		if (normalized == null) {
			normalized = ThaiText.normalize(text);
			recent.rememberNormalized(text, normalized);
		}
		return normalized;
	}

	/** The segments and words of a normalized text, remembered for the thread. */
	private Analyzed analyzed(String normalized) {
		Recent recent = this.recent.get();
		Analyzed analyzed = recent.analyzed(normalized);
		if (analyzed == null) {
			analyzed = analyze(recent.chain(), normalized);
			recent.rememberAnalyzed(normalized, analyzed);
		}
		return analyzed;
	}

	private Analyzed analyze(Chain chain, String normalized) {
		if (normalized.isEmpty()) {
			return new Analyzed(List.of(), List.of());
		}
		List<String> words = chain.run(normalized);
		List<String> segments = chain.segments();
		if (mayHaveSynonym(segments) || mayHaveSynonym(words)) {
			// A synonym may apply, and may span words: each chain in full.
			return new Analyzed(List.copyOf(tokens(this.segments, normalized)),
					List.copyOf(tokens(this.words, normalized)));
		}
		return new Analyzed(List.copyOf(segments), List.copyOf(words));
	}

	/**
	 * The synonym variants this analysis reads as another word, normalized, each mapped
	 * to its canonical word.
	 */
	public Map<String, String> variants() {
		return this.canonical;
	}

	/** {@link #words}, by the chain with synonyms alone, as a reference for tests. */
	List<String> wordsInFull(String text) {
		return tokens(this.words, ThaiText.normalize(text));
	}

	/** {@link #segments}, by the chain with synonyms alone, as a reference for tests. */
	List<String> segmentsInFull(String text) {
		return tokens(this.segments, ThaiText.normalize(text));
	}

	private boolean mayHaveSynonym(List<String> tokens) {
		for (String token : tokens) {
			if (this.synonymStarts.contains(token)) {
				return true;
			}
		}
		return false;
	}

	/** The words of a Latin synonym as the stop filter and stemmer leave them. */
	private static String[] latinWords(String variant, CharArraySet stopWords) {
		Tokenizer words = new WhitespaceTokenizer();
		words.setReader(new StringReader(LATIN_WORD_GAP.matcher(variant).replaceAll(" ")));
		return drain(new KStemFilter(new StopFilter(words, stopWords))).toArray(String[]::new);
	}

	/** True if the word is one of the stop words and particles this analysis drops. */
	public boolean isStopWord(String word) {
		return this.stopWords.contains(word);
	}

	private static List<String> tokens(Analyzer analyzer, String normalized) {
		return normalized.isEmpty() ? new ArrayList<>() : drain(analyzer.tokenStream("text", normalized));
	}

	/** Reads the stream to its end and closes it. */
	private static List<String> drain(TokenStream tokens) {
		List<String> out = new ArrayList<>();
		try (TokenStream stream = tokens) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				out.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Analyzing a string cannot fail", ex);
		}
		return out;
	}

	/**
	 * The chain of {@link PipelineAnalyzer} without synonyms, which also records every
	 * token before stop words are dropped: one pass gives both the segments and the words
	 * of a text that has no synonym to fold. One per thread.
	 */
	private final class Chain {

		private final Tokenizer source = new ThaiTokenizer(ThaiAnalysis.this.dictionary);

		private final List<String> segments = new ArrayList<>();

		private final TokenStream words;

		Chain() {
			TokenStream stream = new Recorder(new ThaiRepeatFilter(new ThaiNormalizationFilter(this.source)),
					this.segments);
			this.words = new KStemFilter(new StopFilter(stream, ThaiAnalysis.this.stopWords));
		}

		/**
		 * The words of the normalized text; {@link #segments()} then has its segments.
		 */
		List<String> run(String normalized) {
			this.segments.clear();
			this.source.setReader(new MappingCharFilter(ThaiAnalysis.this.charMap, new StringReader(normalized)));
			return drain(this.words);
		}

		List<String> segments() {
			return this.segments;
		}

	}

	/** Passes tokens on unchanged and keeps a copy of each. */
	private static final class Recorder extends TokenFilter {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final List<String> out;

		Recorder(TokenStream input, List<String> out) {
			super(input);
			this.out = out;
		}

		@Override
		public boolean incrementToken() throws IOException {
			if (!this.input.incrementToken()) {
				return false;
			}
			this.out.add(this.term.toString());
			return true;
		}

	}

	/** A normalized text's segments and words. */
	private record Analyzed(List<String> segments, List<String> words) {
	}

	/** A thread's token chain and its latest texts, normalized and analyzed. */
	private final class Recent {

		private static final int SIZE = 4;

		private final String[] texts = new String[SIZE];

		private final String[] normalized = new String[SIZE];

		private int nextText;

		private final String[] normalizedTexts = new String[SIZE];

		private final Analyzed[] analyzed = new Analyzed[SIZE];

		private int nextAnalyzed;

		private Chain chain;

		Chain chain() {
			if (this.chain == null) {
				this.chain = new Chain();
			}
			return this.chain;
		}

		String normalized(String text) {
			int at = indexOf(this.texts, text);
			return (at < 0) ? null : this.normalized[at];
		}

		void rememberNormalized(String text, String normalized) {
			this.texts[this.nextText] = text;
			this.normalized[this.nextText] = normalized;
			this.nextText = (this.nextText + 1) % SIZE;
		}

		Analyzed analyzed(String normalized) {
			int at = indexOf(this.normalizedTexts, normalized);
			return (at < 0) ? null : this.analyzed[at];
		}

		void rememberAnalyzed(String normalized, Analyzed analyzed) {
			this.normalizedTexts[this.nextAnalyzed] = normalized;
			this.analyzed[this.nextAnalyzed] = analyzed;
			this.nextAnalyzed = (this.nextAnalyzed + 1) % SIZE;
		}

		private static int indexOf(String[] texts, String text) {
			for (int i = 0; i < texts.length; i++) {
				if (text.equals(texts[i])) {
					return i;
				}
			}
			return -1;
		}

	}

	/**
	 * The Lucene chain; expects text already passed through {@link ThaiText#normalize}.
	 */
	private final class PipelineAnalyzer extends Analyzer {

		private final boolean dropStopWords;

		PipelineAnalyzer(boolean dropStopWords) {
			this.dropStopWords = dropStopWords;
		}

		@Override
		protected Reader initReader(String fieldName, Reader reader) {
			return new MappingCharFilter(ThaiAnalysis.this.charMap, reader);
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new ThaiTokenizer(ThaiAnalysis.this.dictionary);
			TokenStream stream = new ThaiRepeatFilter(new ThaiNormalizationFilter(source));
			if (this.dropStopWords) {
				stream = new KStemFilter(new StopFilter(stream, ThaiAnalysis.this.stopWords));
			}
			if (ThaiAnalysis.this.latinSynonyms.fst != null) {
				stream = new SynonymGraphFilter(stream, ThaiAnalysis.this.latinSynonyms, false);
			}
			return new TokenStreamComponents(source, stream);
		}

	}

	/** Adds domain words and synonym groups to the built-in dictionary and stop list. */
	public static final class Builder {

		private final Set<String> dictionary = new LinkedHashSet<>(normalizedLines(DICTIONARY));

		private final Set<String> stopWords = new LinkedHashSet<>(normalizedLines(STOP_WORDS));

		private final Map<String, String> colloquial = colloquialForms();

		private final Map<String, String> canonical = new LinkedHashMap<>();

		private Builder() {
		}

		/** Words the tokenizer must keep whole. */
		public Builder words(Collection<String> words) {
			for (String word : words) {
				String normalized = ThaiText.normalize(word);
				if (!normalized.isEmpty()) {
					this.dictionary.add(normalized);
				}
			}
			return this;
		}

		/**
		 * A group of words that mean the same; the first is the canonical one, the others
		 * (English names, transliterations, common misspellings) are read as it.
		 */
		public Builder synonyms(List<String> group) {
			if (group.size() < 2) {
				throw new IllegalArgumentException("A synonym group needs at least two words: " + group);
			}
			String word = ThaiText.normalize(group.get(0));
			if (word.isEmpty() || word.contains(" ")) {
				throw new IllegalArgumentException("A canonical synonym must be one word: '" + group.get(0) + "'");
			}
			this.dictionary.add(word);
			for (String variant : group.subList(1, group.size())) {
				String normalized = ThaiText.normalize(variant);
				String previous = this.canonical.putIfAbsent(normalized, word);
				if (previous != null && !previous.equals(word)) {
					throw new IllegalArgumentException(
							"'" + variant + "' is a synonym of both '" + previous + "' and '" + word + "'");
				}
			}
			return this;
		}

		public ThaiAnalysis build() {
			return new ThaiAnalysis(this.dictionary, this.stopWords, this.colloquial, this.canonical);
		}

		/**
		 * Chat spellings and particles glued to the word before them, each with the words
		 * it stands for (itself when only the spacing matters).
		 */
		private static Map<String, String> colloquialForms() {
			Map<String, String> forms = new LinkedHashMap<>();
			for (String line : normalizedLines(COLLOQUIAL)) {
				String[] columns = line.split("=", -1);
				if (columns.length > 2 || columns[0].isBlank()) {
					throw new IllegalStateException("Bad line in '" + COLLOQUIAL + "': '" + line + "'");
				}
				String variant = columns[0].strip();
				forms.put(variant, (columns.length == 2) ? columns[1].strip() : variant);
			}
			return forms;
		}

		private static List<String> normalizedLines(String resource) {
			InputStream in = ThaiAnalysis.class.getResourceAsStream(resource);
			if (in == null) {
				throw new IllegalStateException("Missing resource '" + resource + "' next to " + ThaiAnalysis.class);
			}
			List<String> lines = new ArrayList<>();
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					String word = ThaiText.normalize(line);
					if (!word.isEmpty() && !word.startsWith("#")) {
						lines.add(word);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read '" + resource + "'", ex);
			}
			return lines;
		}

	}

}
