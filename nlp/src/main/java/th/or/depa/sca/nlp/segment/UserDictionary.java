package th.or.depa.sca.nlp.segment;

import java.util.Collection;

import org.apache.lucene.analysis.CharArraySet;

/**
 * The user dictionary as Lucene's Thai tokenizer asks it, which is often: at every word
 * boundary the tokenizer looks up every length from the dictionary's longest word down,
 * each lookup hashing that many letters (a fifth of the Thai path on chat texts). A table
 * of the lengths of the words that start with each letter answers most of those lookups
 * without hashing; the rest go to the set. The answers are the set's. Unmodifiable once
 * built.
 */
final class UserDictionary extends CharArraySet {

	/** Letters up to the end of the Thai block have a table of their own. */
	private static final int LIMIT = 0x0E80;

	/** Lengths up to this are in the tables; longer ones always go to the set. */
	private static final int MAX_TABLED_LENGTH = 63;

	/** One bit per length (1 to 63) of the words that start with each letter. */
	private final long[] lengths = new long[LIMIT];

	/** The same for words that start with a letter beyond the Thai block. */
	private long otherLengths;

	private final boolean built;

	UserDictionary(Collection<String> words) {
		super(words, false);
		for (String word : words) {
			if (word.isEmpty()) {
				continue;
			}
			int length = word.length();
			long bit = (length <= MAX_TABLED_LENGTH) ? 1L << length : 0;
			char first = word.charAt(0);
			if (first < LIMIT) {
				this.lengths[first] |= bit;
			}
			else {
				this.otherLengths |= bit;
			}
		}
		this.built = true;
	}

	@Override
	public boolean contains(char[] text, int offset, int length) {
		if (length > 0 && length <= MAX_TABLED_LENGTH) {
			char first = text[offset];
			long known = (first < LIMIT) ? this.lengths[first] : this.otherLengths;
			if ((known & (1L << length)) == 0) {
				return false; // no word of this length starts with this letter
			}
		}
		return super.contains(text, offset, length);
	}

	@Override
	public boolean add(Object o) {
		unmodifiable();
		return super.add(o);
	}

	@Override
	public boolean add(CharSequence text) {
		unmodifiable();
		return super.add(text);
	}

	@Override
	public boolean add(String text) {
		unmodifiable();
		return super.add(text);
	}

	@Override
	public boolean add(char[] text) {
		unmodifiable();
		return super.add(text);
	}

	@Override
	public void clear() {
		unmodifiable();
		super.clear();
	}

	private void unmodifiable() {
		if (this.built) {
			throw new UnsupportedOperationException("The user dictionary is not modified once built");
		}
	}

}
