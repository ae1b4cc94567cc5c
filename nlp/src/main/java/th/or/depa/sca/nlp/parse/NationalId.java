package th.or.depa.sca.nlp.parse;

/**
 * A Thai national ID number with a valid check digit; {@link #toString()} masks it for
 * logs.
 *
 * @param digits the 13 ASCII digits, without separators
 */
public record NationalId(String digits) {

	public NationalId {
		// The message never contains the digits: they are personal data.
		if (digits == null || !digits.matches("[1-9][0-9]{12}")) {
			throw new IllegalArgumentException("A national ID needs 13 ASCII digits not starting with 0");
		}
		if (checkDigit(digits) != digits.charAt(12) - '0') {
			throw new IllegalArgumentException("National ID check digit does not match");
		}
	}

	/**
	 * Returns the ID in the 1-2345-67890-12-1 grouping printed on the card.
	 */
	public String formatted() {
		return group(this.digits);
	}

	/**
	 * Returns the ID with all but its last 4 digits masked, e.g.
	 * {@code x-xxxx-xxxx0-12-1}.
	 */
	@Override
	public String toString() {
		return "NationalId[" + group("x".repeat(9) + this.digits.substring(9)) + "]";
	}

	/**
	 * Returns the check digit for the first 12 digits: 11 minus the weighted sum modulo
	 * 11, weights 13 down to 2, keeping only the last digit.
	 */
	static int checkDigit(CharSequence digits) {
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += (digits.charAt(i) - '0') * (13 - i);
		}
		return (11 - sum % 11) % 10;
	}

	private static String group(String s) {
		return s.charAt(0) + "-" + s.substring(1, 5) + "-" + s.substring(5, 10) + "-" + s.substring(10, 12) + "-"
				+ s.charAt(12);
	}

}
