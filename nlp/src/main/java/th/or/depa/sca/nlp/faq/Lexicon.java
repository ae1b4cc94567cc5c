package th.or.depa.sca.nlp.faq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words the FAQ knows, and the spelling fixes that bring a question's unknown words
 * back to them: a word one edit (Damerau-Levenshtein) from a known word or synonym is
 * read as that word, and so is an unknown word glued back to its neighbour, which undoes
 * the cuts the tokenizer makes in a misspelled word ("เทศ" + "บาน" for "เทศบาน"). Words
 * with digits are never changed.
 */
final class Lexicon {

	/** Shorter words have too many neighbours one edit away to guess from. */
	static final int MIN_LENGTH = 4;

	private final Map<String, Integer> weights;

	private final Map<Integer, List<Candidate>> byLength;

	private Lexicon(Map<String, Integer> weights, Map<Integer, List<Candidate>> byLength) {
		this.weights = weights;
		this.byLength = byLength;
	}

	/**
	 * @param known the indexed words, each with a weight (how often the FAQ uses it)
	 * @param variants synonym variants and the canonical word each is read as
	 */
	static Lexicon of(Map<String, Integer> known, Map<String, String> variants) {
		Map<Integer, List<Candidate>> byLength = new HashMap<>();
		known.forEach((word, weight) -> byLength.computeIfAbsent(word.length(), (length) -> new ArrayList<>())
			.add(new Candidate(word, word, weight)));
		variants.forEach((variant, word) -> {
			if (known.containsKey(word) && !known.containsKey(variant) && variant.indexOf(' ') < 0) {
				byLength.computeIfAbsent(variant.length(), (length) -> new ArrayList<>())
					.add(new Candidate(variant, word, known.get(word)));
			}
		});
		Comparator<Candidate> order = Comparator.comparingInt(Candidate::weight)
			.reversed()
			.thenComparing(Candidate::spelling);
		byLength.values().forEach((list) -> list.sort(order));
		return new Lexicon(Map.copyOf(known), Map.copyOf(byLength));
	}

	boolean knows(String word) {
		return this.weights.containsKey(word);
	}

	/** The words with each unknown one fixed where one known word is close. */
	List<String> correct(List<String> words) {
		List<String> out = new ArrayList<>(words.size());
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if (knows(word) || !fixable(word)) {
				out.add(word);
				continue;
			}
			if (i + 1 < words.size() && fixable(words.get(i + 1))) {
				Optional<String> joined = closest(word + words.get(i + 1));
				if (joined.isPresent()) {
					out.add(joined.get());
					i++;
					continue;
				}
			}
			if (i > 0 && fixable(words.get(i - 1)) && out.get(out.size() - 1).equals(words.get(i - 1))) {
				Optional<String> joined = closest(words.get(i - 1) + word);
				if (joined.isPresent()) {
					out.set(out.size() - 1, joined.get());
					continue;
				}
			}
			out.add(closest(word).orElse(word));
		}
		return out;
	}

	private Optional<String> closest(String word) {
		if (word.length() < MIN_LENGTH) {
			return Optional.empty();
		}
		Candidate best = null;
		for (int length = word.length() - 1; length <= word.length() + 1; length++) {
			for (Candidate candidate : this.byLength.getOrDefault(length, List.of())) {
				if ((best == null || candidate.weight() > best.weight()) && oneEditApart(word, candidate.spelling())) {
					best = candidate;
				}
			}
		}
		return Optional.ofNullable(best).map(Candidate::word);
	}

	/**
	 * True if one insertion, deletion, substitution or swap of two neighbouring letters
	 * turns one word into the other (the Damerau-Levenshtein distance is 1). Linear, as
	 * it runs against every candidate of a similar length.
	 */
	static boolean oneEditApart(String a, String b) {
		int difference = a.length() - b.length();
		if (difference < -1 || difference > 1) {
			return false;
		}
		int start = 0;
		while (start < a.length() && start < b.length() && a.charAt(start) == b.charAt(start)) {
			start++;
		}
		if (difference == 0) {
			if (start == a.length()) {
				return false;
			}
			if (a.regionMatches(start + 1, b, start + 1, a.length() - start - 1)) {
				return true;
			}
			return start + 1 < a.length() && a.charAt(start) == b.charAt(start + 1)
					&& a.charAt(start + 1) == b.charAt(start)
					&& a.regionMatches(start + 2, b, start + 2, a.length() - start - 2);
		}
		String longer = (difference > 0) ? a : b;
		String shorter = (difference > 0) ? b : a;
		return longer.regionMatches(start + 1, shorter, start, shorter.length() - start);
	}

	private static boolean fixable(String word) {
		return !hasDigit(word);
	}

	static boolean hasDigit(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isDigit(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private record Candidate(String spelling, String word, int weight) {
	}

}
