package th.or.depa.sca.nlp.parse;

import java.time.LocalDate;
import java.time.Period;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import th.or.depa.sca.nlp.ThaiText;
import th.or.depa.sca.nlp.parse.Parsed.Reason;

/**
 * Parses an age in whole years ("20", "๒๐ ปี", "อายุ 20 ปีครับ") or works it out from a
 * birth date, within a range the form accepts.
 */
public final class AgeParser implements Parser<Integer> {

	private static final Pattern AGE = Pattern
		.compile("(?:อายุ\\s*)?(\\d+)\\s*(?:ปี|ขวบ|years? old|years?|yrs?|y/?o)?(?:\\s*แล้ว)?");

	private final int min;

	private final int max;

	/**
	 * Creates a parser that accepts ages from 10 to 100, the span of people who could
	 * take part in a programme.
	 */
	public AgeParser() {
		this(10, 100);
	}

	/**
	 * Creates a parser that accepts ages from {@code min} to {@code max} inclusive.
	 */
	public AgeParser(int min, int max) {
		if (min < 0 || min > max) {
			throw new IllegalArgumentException("Age range " + min + ".." + max + " is empty or negative");
		}
		this.min = min;
		this.max = max;
	}

	/**
	 * Returns the age in completed years on {@code today} of someone born on
	 * {@code birthDate}; someone born on 29 February gets a year older on 1 March in
	 * other years.
	 */
	public static int ageOn(LocalDate birthDate, LocalDate today) {
		return Period.between(birthDate, today).getYears();
	}

	@Override
	public Parsed<Integer> parse(String text) {
		String s = Particles.stripTrailing(ThaiText.normalize(text));
		if (s.isEmpty()) {
			return new Parsed.Invalid<>(Reason.EMPTY);
		}
		Matcher m = AGE.matcher(s);
		if (!m.matches()) {
			return new Parsed.Invalid<>(Reason.NOT_A_NUMBER);
		}
		// More than 3 digits is never an age (often a year of birth); it also cannot
		// overflow.
		String digits = m.group(1);
		return inRange((digits.length() > 3) ? Integer.MAX_VALUE : Integer.parseInt(digits));
	}

	/**
	 * Returns the age on {@code today} of someone born on {@code birthDate}, or why it
	 * cannot be right: {@link Reason#IN_FUTURE} or {@link Reason#OUT_OF_RANGE}.
	 */
	public Parsed<Integer> fromBirthDate(LocalDate birthDate, LocalDate today) {
		if (birthDate.isAfter(today)) {
			return new Parsed.Invalid<>(Reason.IN_FUTURE);
		}
		return inRange(ageOn(birthDate, today));
	}

	private Parsed<Integer> inRange(int age) {
		return (age < this.min || age > this.max) ? new Parsed.Invalid<>(Reason.OUT_OF_RANGE) : new Parsed.Valid<>(age);
	}

}
