package th.or.depa.sca.nlp.faq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.SmallFloat;

/**
 * BM25 over a few hundred short documents, held as plain arrays: scores and ranks as a
 * Lucene {@link org.apache.lucene.search.IndexSearcher} with {@link BM25Similarity} does
 * for a query of boosted SHOULD term clauses over whitespace-tokenized fields (the same
 * floats, the same order, ties to the lower document), at a small part of the cost: at
 * this size Lucene's per-query set-up (term look-ups, postings readers, weights) costs
 * far more than the scoring itself. Each posting's score is worked out once, when the
 * index is built.
 */
final class Bm25Index {

	/** {@link BM25Similarity}'s defaults. */
	private static final float K1 = 1.2f;

	private static final float B = 0.75f;

	/** {@link WhitespaceTokenizer}'s longest token; longer runs are cut. */
	private static final int MAX_TOKEN_LENGTH = 255;

	private static final float[] LENGTH_TABLE = new float[256];

	static {
		for (int i = 0; i < LENGTH_TABLE.length; i++) {
			LENGTH_TABLE[i] = SmallFloat.byte4ToInt((byte) i);
		}
	}

	private Bm25Index() {
	}

	/**
	 * The postings of one field, each posting with its score: the texts of document
	 * {@code i} are at {@code i}, read as if joined by spaces; matches on the field weigh
	 * {@code boost}.
	 */
	static Map<String, Postings> field(List<List<String>> texts, float boost) {
		byte[] norms = new byte[texts.size()];
		Map<String, Builder> terms = new HashMap<>();
		long docCount = 0;
		long totalLength = 0;
		for (int doc = 0; doc < texts.size(); doc++) {
			List<String> tokens = tokens(texts.get(doc));
			if (tokens.isEmpty()) {
				continue;
			}
			docCount++;
			totalLength += tokens.size();
			norms[doc] = SmallFloat.intToByte4(tokens.size());
			for (String token : tokens) {
				terms.computeIfAbsent(token, (term) -> new Builder()).add(doc);
			}
		}
		Map<String, Postings> out = new HashMap<>();
		if (docCount == 0) {
			return out;
		}
		float averageLength = (float) (totalLength / (double) docCount);
		float[] normInverse = new float[256];
		for (int i = 0; i < normInverse.length; i++) {
			normInverse[i] = 1f / (K1 * ((1 - B) + B * LENGTH_TABLE[i] / averageLength));
		}
		for (Map.Entry<String, Builder> term : terms.entrySet()) {
			out.put(term.getKey(), term.getValue().build(boost, docCount, norms, normInverse));
		}
		return out;
	}

	/**
	 * The tokens {@link WhitespaceTokenizer} makes of the texts joined by spaces: split
	 * at white space, runs of {@value #MAX_TOKEN_LENGTH} chars and more cut.
	 */
	static List<String> tokens(List<String> texts) {
		List<String> out = new ArrayList<>(texts.size());
		StringBuilder token = new StringBuilder();
		for (String text : texts) {
			if (isOneToken(text)) {
				out.add(text);
				continue;
			}
			for (int i = 0; i < text.length();) {
				int c = text.codePointAt(i);
				i += Character.charCount(c);
				if (Character.isWhitespace(c)) {
					flush(token, out);
					continue;
				}
				token.appendCodePoint(c);
				if (token.length() >= MAX_TOKEN_LENGTH) {
					flush(token, out);
				}
			}
			flush(token, out);
		}
		return out;
	}

	private static boolean isOneToken(String text) {
		if (text.isEmpty() || text.length() >= MAX_TOKEN_LENGTH) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				return false;
			}
		}
		return true;
	}

	private static void flush(StringBuilder token, List<String> out) {
		if (!token.isEmpty()) {
			out.add(token.toString());
			token.setLength(0);
		}
	}

	/** BM25Similarity's idf. */
	static float idf(long docFreq, long docCount) {
		return (float) Math.log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));
	}

	/** A document and its score. */
	record Hit(int doc, float score) {

		/** Lucene's order: higher score first, then lower document. */
		boolean before(Hit other) {
			return (this.score == other.score) ? this.doc < other.doc : this.score > other.score;
		}

	}

	/** The documents that have a term, ascending, and the term's score in each. */
	record Postings(int[] docs, float[] scores) {

		static final Postings EMPTY = new Postings(new int[0], new float[0]);

	}

	/** One query's scores, summed over its terms' postings. */
	static final class Scores {

		private final double[] sums;

		private final boolean[] matched;

		private final int[] docs;

		private int found;

		Scores(int size) {
			this.sums = new double[size];
			this.matched = new boolean[size];
			this.docs = new int[size];
		}

		void add(Postings postings) {
			int[] docs = postings.docs();
			float[] scores = postings.scores();
			for (int i = 0; i < docs.length; i++) {
				int doc = docs[i];
				// Lucene sums the clauses' float scores as doubles: exact at these
				// magnitudes, so the order of the terms does not matter.
				this.sums[doc] += scores[i];
				if (!this.matched[doc]) {
					this.matched[doc] = true;
					this.docs[this.found++] = doc;
				}
			}
		}

		/** The {@code count} best documents, best first. */
		List<Hit> top(int count) {
			Hit[] best = new Hit[Math.min(count, this.found)];
			int size = 0;
			for (int i = 0; i < this.found; i++) {
				Hit hit = new Hit(this.docs[i], (float) this.sums[this.docs[i]]);
				if (size == best.length && !hit.before(best[size - 1])) {
					continue;
				}
				int at = (size == best.length) ? size - 1 : size++;
				while (at > 0 && hit.before(best[at - 1])) {
					best[at] = best[at - 1];
					at--;
				}
				best[at] = hit;
			}
			return List.of(best);
		}

	}

	private static final class Builder {

		private int[] docs = new int[4];

		private int[] frequencies = new int[4];

		private int count;

		/**
		 * Counts one more occurrence in the document; documents come in ascending order.
		 */
		void add(int doc) {
			if (this.count > 0 && this.docs[this.count - 1] == doc) {
				this.frequencies[this.count - 1]++;
				return;
			}
			if (this.count == this.docs.length) {
				this.docs = Arrays.copyOf(this.docs, this.count * 2);
				this.frequencies = Arrays.copyOf(this.frequencies, this.count * 2);
			}
			this.docs[this.count] = doc;
			this.frequencies[this.count] = 1;
			this.count++;
		}

		Postings build(float boost, long docCount, byte[] norms, float[] normInverse) {
			// As BM25Similarity's scorer: weight - weight / (1 + freq / norm).
			float weight = boost * idf(this.count, docCount);
			float[] scores = new float[this.count];
			for (int i = 0; i < this.count; i++) {
				float freq = this.frequencies[i];
				scores[i] = weight - weight / (1f + freq * normInverse[norms[this.docs[i]] & 0xFF]);
			}
			return new Postings(Arrays.copyOf(this.docs, this.count), scores);
		}

	}

}
