package th.or.depa.sca.nlp.parse;

import java.util.Objects;

/**
 * The outcome of parsing one form answer: a value, or a reason the bot can turn into a
 * re-prompt.
 *
 * @param <T> the type of the parsed value
 */
public sealed interface Parsed<T> {

	/**
	 * An answer that was understood.
	 *
	 * @param <T> the type of the parsed value
	 * @param value the parsed value
	 */
	record Valid<T>(T value) implements Parsed<T> {

		public Valid {
			Objects.requireNonNull(value, "value");
		}

	}

	/**
	 * An answer that was not understood, and why.
	 *
	 * @param <T> the type the answer was meant to have
	 * @param reason why the answer was rejected
	 */
	record Invalid<T>(Reason reason) implements Parsed<T> {

		public Invalid {
			Objects.requireNonNull(reason, "reason");
		}

	}

	/**
	 * Why an answer was rejected. The bot maps each reason to its own re-prompt; the text
	 * lives in the message catalog, never here.
	 */
	enum Reason {

		/** Nothing but white space, particles or invisible characters. */
		EMPTY,

		/** Digits were expected and something else was typed. */
		NOT_A_NUMBER,

		/** The wrong number of digits. */
		WRONG_LENGTH,

		/** A national ID whose check digit does not match. */
		BAD_CHECKSUM,

		/** A national ID starting with 0, which is never issued. */
		NOT_ISSUED,

		/** Digits that no Thai telephone number uses. */
		NOT_A_PHONE_NUMBER,

		/** A valid telephone number outside Thailand. */
		FOREIGN_NUMBER,

		/**
		 * A valid Thai number that is not a mobile number, where a mobile number is
		 * required.
		 */
		NOT_MOBILE,

		/** Not an e-mail address. */
		NOT_EMAIL,

		/** Not recognisable as a date. */
		NOT_A_DATE,

		/** A date whose month is neither a month name nor a number from 1 to 12. */
		UNKNOWN_MONTH,

		/** A date without a year. */
		MISSING_YEAR,

		/** A date that does not exist, such as 31 February. */
		IMPOSSIBLE_DATE,

		/** A date after today where only past dates make sense, such as a birth date. */
		IN_FUTURE,

		/** A number or year outside the range the form accepts. */
		OUT_OF_RANGE,

		/** Not the name of a Thai province, not even with a typo. */
		UNKNOWN_PROVINCE,

		/** Equally close to more than one answer; ask the user to choose. */
		AMBIGUOUS,

		/** More than one answer given where one was expected. */
		MORE_THAN_ONE,

		/** Neither yes nor no. */
		NOT_YES_NO,

		/** Shorter than the form accepts. */
		TOO_SHORT,

		/** Longer than the form accepts. */
		TOO_LONG,

		/** Not a person's first and last name (digits, symbols, or one word only). */
		NOT_A_NAME,

		/** None of the offered choices. */
		NOT_A_CHOICE

	}

}
