package th.or.depa.sca.nlp.parse;

/**
 * Turns what a user typed into one form field into a typed value or a reason for a
 * re-prompt.
 *
 * @param <T> the type of the parsed value
 */
@FunctionalInterface
public interface Parser<T> {

	/**
	 * Parses the raw text of one chat message; {@code null} counts as empty.
	 */
	Parsed<T> parse(String text);

}
