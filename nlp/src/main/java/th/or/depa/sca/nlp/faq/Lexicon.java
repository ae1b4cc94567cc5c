package th.or.depa.sca.nlp.faq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

	/**
	 * Each candidate under its spelling and under every spelling one deletion from it:
	 * two words one edit apart share one of these keys, so a word's candidates are found
	 * under its own keys instead of by comparing it with every known word.
	 */
	private final Map<String, Candidate[]> byKey;

	private Lexicon(Map<String, Integer> weights, Map<String, Candidate[]> byKey) {
		this.weights = weights;
		this.byKey = byKey;
	}

	/**
	 * @param known the indexed words, each with a weight (how often the FAQ uses it)
	 * @param variants synonym variants and the canonical word each is read as
	 */
	static Lexicon of(Map<String, Integer> known, Map<String, String> variants) {
		List<Candidate> candidates = new ArrayList<>();
		known.forEach((word, weight) -> candidates.add(new Candidate(word, word, weight)));
		variants.forEach((variant, word) -> {
			if (known.containsKey(word) && !known.containsKey(variant) && variant.indexOf(' ') < 0) {
				candidates.add(new Candidate(variant, word, known.get(word)));
			}
		});
		Map<String, List<Candidate>> byKey = new HashMap<>();
		for (Candidate candidate : candidates) {
			if (candidate.spelling().length() + 1 < MIN_LENGTH) {
				// Only words of MIN_LENGTH letters and more are looked up.
				continue;
			}
			for (String key : keys(candidate.spelling())) {
				byKey.computeIfAbsent(key, (k) -> new ArrayList<>(1)).add(candidate);
			}
		}
		Map<String, Candidate[]> arrays = new HashMap<>(byKey.size() * 2);
		byKey.forEach((key, list) -> arrays.put(key, list.toArray(Candidate[]::new)));
		return new Lexicon(Map.copyOf(known), arrays);
	}

	/** The word and each spelling one deletion from it, without repeats. */
	private static Set<String> keys(String word) {
		Set<String> keys = new LinkedHashSet<>();
		keys.add(word);
		for (int i = 0; i < word.length(); i++) {
			keys.add(new StringBuilder(word.length() - 1).append(word, 0, i)
				.append(word, i + 1, word.length())
				.toString());
		}
		return keys;
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
		boolean latin = isLatin(word);
		for (String key : keys(word)) {
			Candidate[] candidates = this.byKey.get(key);
			if (candidates == null) {
				continue;
			}
			for (Candidate candidate : candidates) {
				if ((best == null || candidate.isBefore(best))
						&& (latin ? swapApart(word, candidate.spelling()) || missingLetter(word, candidate.spelling())
								: oneEditApart(word, candidate.spelling()))) {
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
			return a.regionMatches(start + 1, b, start + 1, a.length() - start - 1) || swappedAt(a, b, start);
		}
		String longer = (difference > 0) ? a : b;
		String shorter = (difference > 0) ? b : a;
		return longer.regionMatches(start + 1, shorter, start, shorter.length() - start);
	}

	/**
	 * True if swapping two neighbouring letters turns one word into the other ("captian",
	 * "captain"): the one slip by which an English word seldom becomes another English
	 * word. Any other single edit of one mostly does ("said" and "paid", "dogs" and
	 * "docs", "bank" and "back").
	 */
	static boolean swapApart(String a, String b) {
		if (a.length() != b.length()) {
			return false;
		}
		int start = 0;
		while (start < a.length() && a.charAt(start) == b.charAt(start)) {
			start++;
		}
		return swappedAt(a, b, start);
	}

	/**
	 * True if two words of one length, alike before {@code at}, are alike but for the
	 * letters at {@code at} and after it swapped.
	 */
	private static boolean swappedAt(String a, String b, int at) {
		return at + 1 < a.length() && a.charAt(at) == b.charAt(at + 1) && a.charAt(at + 1) == b.charAt(at)
				&& a.regionMatches(at + 2, b, at + 2, a.length() - at - 2);
	}

	/**
	 * True if a long English word is the other with one letter left out, not its first
	 * ("dedline", "deadline"): from seven letters on, a word so near another is seldom a
	 * word of its own ("officer" is "office" with one more, "election" "selection" with
	 * one less at the start).
	 */
	static boolean missingLetter(String typo, String word) {
		return typo.length() >= MIN_LATIN_INSERTION && word.length() == typo.length() + 1
				&& typo.charAt(0) == word.charAt(0) && oneEditApart(typo, word);
	}

	/** The shortest English word {@link #missingLetter} mends. */
	private static final int MIN_LATIN_INSERTION = 7;

	/** A word of Latin letters (English as users type it), apostrophes aside. */
	private static boolean isLatin(String word) {
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'')) {
				return false;
			}
		}
		return !word.isEmpty();
	}

	private static boolean fixable(String word) {
		return !hasDigit(word);
	}

	static boolean hasDigit(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (isDigit(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * {@link Character#isDigit(char)}, without its table lookup for ASCII and Thai
	 * letters (the only digits in those ranges are 0-9 and ๐-๙), which is nearly all the
	 * text here.
	 */
	private static boolean isDigit(char c) {
		if (c < 0x80) {
			return c >= '0' && c <= '9';
		}
		if (c >= 0x0E00 && c <= 0x0E7F) {
			return c >= '๐' && c <= '๙';
		}
		return Character.isDigit(c);
	}

	private record Candidate(String spelling, String word, int weight) {

		/**
		 * The order in which candidates are preferred: the word the FAQ uses most, then
		 * the shorter, then the first in alphabetical order.
		 */
		boolean isBefore(Candidate other) {
			if (this.weight != other.weight) {
				return this.weight > other.weight;
			}
			if (this.spelling.length() != other.spelling.length()) {
				return this.spelling.length() < other.spelling.length();
			}
			return this.spelling.compareTo(other.spelling) < 0;
		}

	}

}
