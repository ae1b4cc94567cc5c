package th.or.depa.sca.nlp.faq;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Bm25IndexTests {

	private static final String[] FIELDS = { "word", "gram", "cword" };

	private static final float[] BOOSTS = { 1.0f, 0.5f, 0.3f };

	@Test
	void shouldScoreAndRankAsLucenesBm25SearcherDoes() throws IOException {
		Random random = new Random(7);
		List<String> vocabulary = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			vocabulary.add("ค" + Integer.toString(i, 36) + ((i % 7 == 0) ? "ๆ" : ""));
		}
		int size = 400;
		List<List<List<String>>> fields = new ArrayList<>();
		for (int f = 0; f < FIELDS.length; f++) {
			List<List<String>> texts = new ArrayList<>();
			for (int doc = 0; doc < size; doc++) {
				List<String> text = new ArrayList<>();
				// Some documents have nothing in a field, as entries without answers.
				int words = (f == 2 && doc % 5 == 0) ? 0 : 1 + random.nextInt(40);
				for (int w = 0; w < words; w++) {
					// A skewed draw, so that some terms are common and some rare.
					int pick = (int) (vocabulary.size() * Math.pow(random.nextDouble(), 2));
					text.add(vocabulary.get(pick) + ((w % 9 == 0) ? " " + vocabulary.get(pick) : ""));
				}
				texts.add(text);
			}
			fields.add(texts);
		}
		List<Map<String, Bm25Index.Postings>> ours = new ArrayList<>();
		for (int f = 0; f < FIELDS.length; f++) {
			ours.add(Bm25Index.field(fields.get(f), BOOSTS[f]));
		}
		try (DirectoryReader reader = luceneIndex(fields, size)) {
			IndexSearcher searcher = new IndexSearcher(reader);
			searcher.setSimilarity(new BM25Similarity());
			for (int q = 0; q < 300; q++) {
				List<Set<String>> terms = new ArrayList<>();
				BooleanQuery.Builder query = new BooleanQuery.Builder();
				Bm25Index.Scores scores = new Bm25Index.Scores(size);
				for (int f = 0; f < FIELDS.length; f++) {
					Set<String> fieldTerms = new LinkedHashSet<>();
					int count = random.nextInt(12);
					for (int t = 0; t < count; t++) {
						fieldTerms.add(vocabulary.get(random.nextInt(vocabulary.size())));
					}
					terms.add(fieldTerms);
					for (String term : fieldTerms) {
						Bm25Index.Postings postings = ours.get(f).get(term);
						if (postings != null) {
							scores.add(postings);
							query.add(new BoostQuery(new TermQuery(new Term(FIELDS[f], term)), BOOSTS[f]),
									Occur.SHOULD);
						}
					}
				}
				ScoreDoc[] expected = searcher.search(query.build(), 16).scoreDocs;
				List<Bm25Index.Hit> actual = scores.top(16);
				assertThat(actual).as("query %s", terms).hasSize(expected.length);
				for (int i = 0; i < expected.length; i++) {
					assertThat(actual.get(i)).as("hit %d of %s", i, terms)
						.isEqualTo(new Bm25Index.Hit(expected[i].doc, expected[i].score));
				}
			}
		}
	}

	@Test
	void shouldTokenizeAsLucenesWhitespaceTokenizer() {
		assertThat(Bm25Index.tokens(List.of("a b", "c", "", "  d\te ", "ก"))).containsExactly("a", "b", "c", "d", "e",
				"ก");
		String longWord = "x".repeat(300);
		assertThat(Bm25Index.tokens(List.of(longWord))).containsExactly("x".repeat(255), "x".repeat(45));
	}

	private static DirectoryReader luceneIndex(List<List<List<String>>> fields, int size) throws IOException {
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
		config.setSimilarity(new BM25Similarity());
		try (IndexWriter writer = new IndexWriter(directory, config)) {
			for (int doc = 0; doc < size; doc++) {
				Document document = new Document();
				for (int f = 0; f < FIELDS.length; f++) {
					document.add(new TextField(FIELDS[f], String.join(" ", fields.get(f).get(doc)), Field.Store.NO));
				}
				writer.addDocument(document);
			}
			writer.forceMerge(1);
		}
		return DirectoryReader.open(directory);
	}

}
