package th.or.depa.sca.templates.forms;

import java.util.List;
import java.util.Map;

/**
 * One field of a declared form.
 *
 * @param name the answer's name
 * @param parser how an answer is read
 * @param min fewest characters of a text answer
 * @param max most characters of a text answer
 * @param choices the options of a choice
 * @param when the answers that must hold for the field to be asked (field → value);
 * empty: always asked
 * @param unique whether the answer must be unique in the round
 * @param masked whether the summary shows it masked
 */
public record FieldSpec(String name, FieldParser parser, int min, int max, List<String> choices,
		Map<String, String> when, boolean unique, boolean masked) {

	public FieldSpec {
		choices = List.copyOf(choices);
		when = Map.copyOf(when);
	}

	/** Whether the field is asked given the answers so far. */
	public boolean applies(Map<String, String> answers) {
		return this.when.entrySet().stream().allMatch((rule) -> rule.getValue().equals(answers.get(rule.getKey())));
	}

	/** The catalog key of the field's question in a form. */
	public String promptKey(String form) {
		return "form." + form + "." + this.name + ".prompt";
	}

	/** The catalog key of the field's label (summary, edit buttons). */
	public String labelKey() {
		return "form.field." + this.name;
	}

	/** The catalog key of one option's label. */
	public String choiceKey(String choice) {
		return "form.choice." + this.name + "." + choice;
	}

	/**
	 * The catalog key of the other words people type for one option, comma-separated
	 * ("เรียนอยู่,นักศึกษา" for studying).
	 */
	public String choiceAliasesKey(String choice) {
		return choiceKey(choice) + ".aliases";
	}

}
