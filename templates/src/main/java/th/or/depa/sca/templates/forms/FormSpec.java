package th.or.depa.sca.templates.forms;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A declared form: its fields in the order they are asked, and its eligibility rules.
 *
 * @param id the form's id ({@code youth}, {@code city})
 * @param fields the fields in order
 * @param provinceField the field whose answer is kept in clear for counts
 * @param uniqueField the field that must be unique in the round
 * @param eligibility the rules an applicant must meet
 */
public record FormSpec(String id, List<FieldSpec> fields, String provinceField, String uniqueField,
		List<EligibilityRule> eligibility) {

	public FormSpec {
		fields = List.copyOf(fields);
		eligibility = List.copyOf(eligibility);
	}

	/** The field with this name, if any. */
	public Optional<FieldSpec> field(String name) {
		return this.fields.stream().filter((field) -> field.name().equals(name)).findFirst();
	}

	/** The first field still to be answered given the answers so far, if any. */
	public Optional<FieldSpec> next(Map<String, String> answers) {
		return this.fields.stream()
			.filter((field) -> field.applies(answers) && !answers.containsKey(field.name()))
			.findFirst();
	}

	/** The fields asked given the answers, in order (the summary's rows). */
	public List<FieldSpec> asked(Map<String, String> answers) {
		return this.fields.stream().filter((field) -> field.applies(answers)).toList();
	}

	/**
	 * The fields the form will likely ask given the answers so far: those that apply, and
	 * those whose condition waits on an answer not given yet (the "of N" a user sees).
	 */
	public List<FieldSpec> expected(Map<String, String> answers) {
		return this.fields.stream()
			.filter((field) -> field.applies(answers) || !answers.keySet().containsAll(field.when().keySet()))
			.toList();
	}

	/** The field asked before this one given the answers ("back"), if any. */
	public Optional<FieldSpec> before(String name, Map<String, String> answers) {
		List<FieldSpec> asked = asked(answers);
		for (int i = 1; i < asked.size(); i++) {
			if (asked.get(i).name().equals(name)) {
				return Optional.of(asked.get(i - 1));
			}
		}
		return Optional.empty();
	}

}
