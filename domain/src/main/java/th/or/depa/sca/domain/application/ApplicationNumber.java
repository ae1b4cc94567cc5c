package th.or.depa.sca.domain.application;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import th.or.depa.sca.domain.round.ApplicantType;

/**
 * An application's number, allocated once per round and type: {@code SCA2-Y-000123} is
 * the 123rd young person's application of round 2.
 *
 * @param round the round's number
 * @param type the applicant type
 * @param sequence the position in the round and type, from 1
 */
public record ApplicationNumber(int round, ApplicantType type, long sequence) {

	private static final Pattern FORMAT = Pattern.compile("SCA(\\d+)-([YC])-(\\d{6,})");

	public ApplicationNumber {
		if (round < 1 || sequence < 1) {
			throw new IllegalArgumentException("Round and sequence start at 1");
		}
	}

	/** The number written as users and staff see it. */
	@Override
	public String toString() {
		return "SCA%d-%s-%06d".formatted(this.round, this.type.letter(), this.sequence);
	}

	/** The number in its written form, if the text is one. */
	public static Optional<ApplicationNumber> parse(String text) {
		Matcher matcher = FORMAT.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new ApplicationNumber(Integer.parseInt(matcher.group(1)),
				ApplicantType.fromCode(matcher.group(2)).orElseThrow(), Long.parseLong(matcher.group(3))));
	}

}
