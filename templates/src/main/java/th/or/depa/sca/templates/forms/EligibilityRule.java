package th.or.depa.sca.templates.forms;

/**
 * A condition an applicant must meet, checked at submission; none is shipped, as the
 * program's announcement states none.
 *
 * @param field the answer it applies to (a birth date for an age range)
 * @param minAge the youngest age accepted on the round's closing day, or null
 * @param maxAge the oldest age accepted on the round's closing day, or null
 */
public record EligibilityRule(String field, Integer minAge, Integer maxAge) {

	/** The catalog key of the sentence telling an applicant they do not meet it. */
	public String refusalKey() {
		return "form.eligibility.age";
	}

}
