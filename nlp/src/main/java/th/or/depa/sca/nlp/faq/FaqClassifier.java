package th.or.depa.sca.nlp.faq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * A discriminative reading of a question beside BM25: an L2-regularised logistic
 * regression (liblinear) over the analysed words, word pairs and character trigrams,
 * trained from the FAQ's phrasings with the off-topic messages as one more class. It
 * learns which words tell entries apart (and which mark a message as about something
 * else) instead of weighing every shared word by its rarity, and gives a probability per
 * class.
 * <p>
 * Trained when the index is built, in a tenth of a second for today's FAQ and
 * deterministically, so that a staff edit of the FAQ still needs no build step: one
 * binary problem per class (one against the rest, as liblinear does it), the classes on
 * all cores at once. The solver is liblinear's dual coordinate descent: it reaches the
 * same optimum as the primal Newton method (every evaluation set answered the same) about
 * three times faster, and its order of coordinates comes from a random generator that
 * each problem seeds afresh, so the model does not depend on which thread trained what.
 * <p>
 * The weights are kept as floats, feature by feature: a FAQ of 300 entries has about
 * 120,000 features, and liblinear's own model of doubles for it (290 MB) did not fit the
 * bot's heap. Immutable and thread-safe.
 */
final class FaqClassifier {

	private static final char WORD = 'w';

	private static final char PAIR = 'b';

	private static final char PAIR_SEPARATOR = '\u0001';

	private static final char GRAM = 'g';

	/** Inverse regularisation strength: large, as the phrasings are few and clean. */
	private static final double COST = 8;

	/**
	 * Stopping tolerance of the dual solver; 0.1 (liblinear's default for it) answered
	 * every evaluation set the same, but trained barely faster.
	 */
	private static final double TOLERANCE = 0.01;

	/**
	 * The model's features by kind, each keyed by the question's own strings (a word, a
	 * pair of words, a gram), whose hashes the index has already worked out: looking up
	 * prefixed copies cost a new string and its hash for every feature of every clause.
	 */
	private final Map<String, Integer> words;

	/** Word pairs: the first word, then the second. */
	private final Map<String, Map<String, Integer>> pairs;

	private final Map<String, Integer> grams;

	/**
	 * The weight of feature {@code f} (from 1) for class {@code k} at
	 * {@code (f - 1) * ids.length + k}: a question's features each read one contiguous
	 * run.
	 */
	private final float[] weights;

	/** The class id of each of the model's outputs, in the model's order. */
	private final String[] ids;

	/**
	 * One bit per feature, for each thread that asks: a question's distinct features are
	 * marked here and read back in order (sorting them cost 5 % of the bot's CPU under
	 * load). Cleared again after each question.
	 */
	private final ThreadLocal<long[]> marks;

	private FaqClassifier(Map<String, Integer> features, float[] weights, String[] ids) {
		Map<String, Integer> words = new HashMap<>();
		Map<String, Map<String, Integer>> pairs = new HashMap<>();
		Map<String, Integer> grams = new HashMap<>();
		features.forEach((feature, index) -> {
			String text = feature.substring(1);
			switch (feature.charAt(0)) {
				case WORD -> words.put(text, index);
				case GRAM -> grams.put(text, index);
				default -> {
					int split = text.indexOf(PAIR_SEPARATOR);
					pairs.computeIfAbsent(text.substring(0, split), (first) -> new HashMap<>())
						.put(text.substring(split + 1), index);
				}
			}
		});
		this.words = words;
		this.pairs = pairs;
		this.grams = grams;
		this.weights = weights;
		this.ids = ids;
		int count = features.size();
		this.marks = ThreadLocal.withInitial(() -> marks(count));
	}

	/**
	 * Trains on examples: each a class id and the analysed words of one phrasing or
	 * off-topic message.
	 */
	static FaqClassifier train(List<String> labels, List<List<String>> examples) {
		if (labels.size() != examples.size()) {
			throw new IllegalArgumentException("One label per example");
		}
		Map<String, Integer> classes = new LinkedHashMap<>();
		for (String label : labels) {
			classes.putIfAbsent(label, classes.size());
		}
		Map<String, Integer> features = new HashMap<>();
		List<List<String>> present = new ArrayList<>(examples.size());
		for (List<String> example : examples) {
			List<String> own = features(example, FaqIndex.grams(example));
			for (String feature : own) {
				features.putIfAbsent(feature, features.size() + 1);
			}
			present.add(own);
		}
		long[] marks = marks(features.size());
		Feature[][] x = new Feature[examples.size()][];
		int[] y = new int[examples.size()];
		for (int i = 0; i < examples.size(); i++) {
			x[i] = vector(features, present.get(i), marks);
			y[i] = classes.get(labels.get(i));
		}
		int count = classes.size();
		int n = features.size();
		float[] weights = new float[n * count];
		Linear.disableDebugOutput();
		// Each class writes only its own column: no two threads write the same element,
		// and the stream's end publishes them all.
		IntStream.range(0, count).parallel().forEach((k) -> {
			double[] w = trainOneAgainstTheRest(x, y, n, k);
			for (int feature = 0; feature < n; feature++) {
				weights[feature * count + k] = (float) w[feature];
			}
		});
		return new FaqClassifier(features, weights, classes.keySet().toArray(String[]::new));
	}

	/**
	 * The weights that tell class {@code k} from all the others, signed so that a
	 * positive decision value means class {@code k}.
	 */
	private static double[] trainOneAgainstTheRest(Feature[][] x, int[] y, int features, int k) {
		Problem problem = new Problem();
		problem.l = x.length;
		problem.n = features;
		problem.x = x; // only read
		problem.y = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			problem.y[i] = (y[i] == k) ? 1 : -1;
		}
		problem.bias = -1;
		// A new Parameter each time: it holds the solver's random generator, seeded
		// alike.
		Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR_DUAL, COST, TOLERANCE));
		double[] w = model.getFeatureWeights();
		if (model.getLabels()[0] != 1) {
			// liblinear's weights are for its first label, the first one in the data.
			for (int i = 0; i < w.length; i++) {
				w[i] = -w[i];
			}
		}
		return w;
	}

	/**
	 * The probability of each class for the question's analysed words, times the share of
	 * the question's features the model knows: a question mostly about things the FAQ
	 * never mentions gets little from the classifier whichever class its few known words
	 * lean to (there is no class for "none of these" unless the FAQ has off-topic
	 * messages).
	 */
	Map<String, Double> probabilities(List<String> words) {
		Prediction prediction = predict(words);
		Map<String, Double> out = new HashMap<>(this.ids.length * 2);
		for (int i = 0; i < this.ids.length; i++) {
			out.put(this.ids[i], prediction.probability(i));
		}
		return out;
	}

	/** {@link #probabilities} without a map: by class index, with the likeliest one. */
	Prediction predict(List<String> words) {
		return predict(words, FaqIndex.grams(words));
	}

	/**
	 * {@link #predict(List)} with the words' character grams, already made for BM25.
	 */
	Prediction predict(List<String> words, Set<String> grams) {
		// Numbers the FAQ lacks are details of the question ("อายุ 35"), not signs that
		// it is about something else: they do not count against it.
		int[] indices = new int[words.size() * 2 + grams.size()];
		int found = 0;
		int unknown = 0;
		Set<String> unknownWords = null;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			Integer index = this.words.get(word);
			if (index != null) {
				indices[found++] = index;
			}
			else if (!Lexicon.hasDigit(word)) {
				unknownWords = (unknownWords != null) ? unknownWords : new HashSet<>();
				unknown += unknownWords.add(word) ? 1 : 0;
			}
			if (i + 1 < words.size()) {
				String next = words.get(i + 1);
				Map<String, Integer> seconds = this.pairs.get(word);
				Integer pair = (seconds != null) ? seconds.get(next) : null;
				if (pair != null) {
					indices[found++] = pair;
				}
				else if (!Lexicon.hasDigit(word) && !Lexicon.hasDigit(next) && !pairSeenBefore(words, i)) {
					unknown++;
				}
			}
		}
		for (String gram : grams) {
			Integer index = this.grams.get(gram);
			if (index != null) {
				indices[found++] = index;
			}
			else if (!Lexicon.hasDigit(gram)) {
				unknown++; // a set: each gram once
			}
		}
		int[] known = distinct(indices, found, this.marks.get());
		int counted = known.length + unknown;
		double evidence = (counted == 0) ? 0 : Math.sqrt((double) known.length / counted);
		double[] probabilities = new double[this.ids.length];
		if (known.length > 0) {
			// No known feature: every class stays at 0.
			probabilities(known, probabilities);
			for (int i = 0; i < probabilities.length; i++) {
				probabilities[i] *= evidence;
			}
		}
		int likeliest = 0;
		for (int i = 1; i < probabilities.length; i++) {
			if (probabilities[i] > probabilities[likeliest]) {
				likeliest = i;
			}
		}
		return new Prediction(this.ids, probabilities, likeliest);
	}

	/**
	 * Class probabilities of one question.
	 *
	 * @param ids the class ids, by index
	 * @param probabilities their probabilities (evidence-weighted)
	 * @param likeliest the index of the likeliest class
	 */
	record Prediction(String[] ids, double[] probabilities, int likeliest) {

		double probability(int index) {
			return this.probabilities[index];
		}

	}

	/**
	 * Each class's probability for a unit-length binary vector of the features: the
	 * logistic of each one-against-the-rest decision value, the lot scaled to sum to 1
	 * (as liblinear's {@code predictProbability} does).
	 */
	private void probabilities(int[] known, double[] out) {
		int count = this.ids.length;
		double[] decision = new double[count];
		for (int index : known) {
			int at = (index - 1) * count;
			for (int k = 0; k < count; k++) {
				decision[k] += this.weights[at + k];
			}
		}
		double value = 1 / Math.sqrt(known.length);
		double sum = 0;
		for (int k = 0; k < count; k++) {
			out[k] = 1 / (1 + Math.exp(-decision[k] * value));
			sum += out[k];
		}
		for (int k = 0; k < count; k++) {
			out[k] /= sum;
		}
	}

	/** The index of each class id, for looking candidates up. */
	Map<String, Integer> classIndex() {
		Map<String, Integer> out = new HashMap<>();
		for (int i = 0; i < this.ids.length; i++) {
			out.put(this.ids[i], i);
		}
		return out;
	}

	/** Unit-length binary vector of the features the model knows, by index. */
	private static Feature[] vector(Map<String, Integer> features, List<String> present, long[] marks) {
		int[] indices = new int[present.size()];
		int count = 0;
		for (String feature : present) {
			Integer index = features.get(feature);
			if (index != null) {
				indices[count++] = index;
			}
		}
		return nodes(distinct(indices, count, marks));
	}

	/** A clear bit set with room for feature indices 1 to {@code features}. */
	private static long[] marks(int features) {
		return new long[(features >>> 6) + 1];
	}

	/**
	 * The first {@code count} indices, sorted, each once: marked in a bit set of all
	 * feature indices, all clear and left clear, and read back in order (linear in the
	 * count, no sort).
	 */
	static int[] distinct(int[] indices, int count, long[] marks) {
		int kept = 0;
		int lowest = marks.length;
		int highest = -1;
		for (int i = 0; i < count; i++) {
			int index = indices[i];
			int word = index >>> 6;
			long bit = 1L << index;
			if ((marks[word] & bit) == 0) {
				marks[word] |= bit;
				kept++;
				lowest = Math.min(lowest, word);
				highest = Math.max(highest, word);
			}
		}
		int[] out = new int[kept];
		int at = 0;
		for (int word = lowest; word <= highest; word++) {
			long bits = marks[word];
			while (bits != 0) {
				out[at++] = (word << 6) + Long.numberOfTrailingZeros(bits);
				bits &= bits - 1;
			}
			marks[word] = 0;
		}
		return out;
	}

	/** Unit-length binary vector of distinct, sorted feature indices. */
	private static Feature[] nodes(int[] indices) {
		Feature[] vector = new Feature[indices.length];
		double value = (indices.length == 0) ? 0 : 1 / Math.sqrt(indices.length);
		for (int i = 0; i < indices.length; i++) {
			vector[i] = new FeatureNode(indices[i], value);
		}
		return vector;
	}

	/** Whether the pair of words at {@code at} and the next came earlier in the list. */
	private static boolean pairSeenBefore(List<String> words, int at) {
		String first = words.get(at);
		String second = words.get(at + 1);
		for (int i = 0; i < at; i++) {
			if (words.get(i).equals(first) && words.get(i + 1).equals(second)) {
				return true;
			}
		}
		return false;
	}

	/** The features of a training example, by kind: words, word pairs, grams. */
	private static List<String> features(List<String> words, Set<String> grams) {
		List<String> out = new ArrayList<>(words.size() * 4);
		for (int i = 0; i < words.size(); i++) {
			out.add(WORD + words.get(i));
			if (i + 1 < words.size()) {
				out.add(PAIR + words.get(i) + PAIR_SEPARATOR + words.get(i + 1));
			}
		}
		for (String gram : grams) {
			out.add(GRAM + gram);
		}
		return out;
	}

}
