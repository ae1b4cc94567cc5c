package th.or.depa.sca.templates.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The declared forms, read from {@code forms/registration.yaml} and checked whole: a bad
 * edit names the form and field and stops the bot at start-up.
 */
public final class Forms {

	/** The file shipped in this module. */
	public static final String RESOURCE = "forms/registration.yaml";

	private static final Set<String> FIELD_KEYS = Set.of("name", "parser", "min", "max", "choices", "when", "unique",
			"masked");

	private final Map<String, FormSpec> forms;

	private Forms(Map<String, FormSpec> forms) {
		this.forms = Map.copyOf(forms);
	}

	/** The forms shipped in this module. */
	public static Forms load() {
		try (InputStream in = Forms.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("No forms resource '" + RESOURCE + "'");
			}
			return load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read forms resource '" + RESOURCE + "'", ex);
		}
	}

	/** Reads and checks forms in the format of {@code forms/registration.yaml}. */
	public static Forms load(Reader yaml) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		Object root = new Yaml(new SafeConstructor(options)).load(yaml);
		if (!(root instanceof Map<?, ?> top) || !(top.get("forms") instanceof Map<?, ?> forms)) {
			throw new IllegalStateException("Forms file: expected a mapping 'forms' of form ids to forms");
		}
		Map<String, FormSpec> specs = new LinkedHashMap<>();
		forms.forEach((id, form) -> specs.put(String.valueOf(id), form(String.valueOf(id), form)));
		return new Forms(specs);
	}

	/** The form with this id, if any. */
	public Optional<FormSpec> form(String id) {
		return Optional.ofNullable(this.forms.get(id));
	}

	/** Every catalog key the forms refer to, for the catalog's consistency test. */
	public Set<String> catalogKeys() {
		Set<String> keys = new LinkedHashSet<>();
		this.forms.forEach((id, form) -> {
			for (FieldSpec field : form.fields()) {
				keys.add(field.promptKey(id));
				keys.add(field.labelKey());
				field.choices().forEach((choice) -> {
					keys.add(field.choiceKey(choice));
					keys.add(field.choiceAliasesKey(choice));
				});
			}
		});
		for (th.or.depa.sca.nlp.parse.Parsed.Reason reason : th.or.depa.sca.nlp.parse.Parsed.Reason.values()) {
			keys.add(repromptKey(reason.name()));
		}
		keys.add(repromptKey(MEDIA));
		keys.add("form.eligibility.age");
		return keys;
	}

	/** The reason of a re-prompt for a photo or sticker where text was asked for. */
	public static final String MEDIA = "MEDIA";

	/** The catalog key of the re-prompt for a reason, shared by every field. */
	public static String repromptKey(String reason) {
		return "form.reprompt." + reason;
	}

	/** The catalog key of one field's own re-prompt for a reason, if it has one. */
	public static String repromptKey(String form, String field, String reason) {
		return "form." + form + "." + field + "." + reason;
	}

	private static FormSpec form(String id, Object value) {
		if (!(value instanceof Map<?, ?> form) || !(form.get("fields") instanceof List<?> items) || items.isEmpty()) {
			throw new IllegalStateException("Form '" + id + "': expected a mapping with a list of 'fields'");
		}
		List<FieldSpec> fields = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>();
		for (Object item : items) {
			FieldSpec field = field(id, item);
			if (!names.add(field.name())) {
				throw new IllegalStateException("Form '" + id + "': two fields are named '" + field.name() + "'");
			}
			for (String depends : field.when().keySet()) {
				if (!names.contains(depends)) {
					throw new IllegalStateException("Form '" + id + "', field '" + field.name() + "': 'when' names '"
							+ depends + "', which is not asked before it");
				}
			}
			fields.add(field);
		}
		String provinceField = text(form.get("provinceField"), id, "provinceField");
		String uniqueField = text(form.get("uniqueField"), id, "uniqueField");
		for (String named : List.of(provinceField, uniqueField)) {
			if (!names.contains(named)) {
				throw new IllegalStateException("Form '" + id + "' names field '" + named + "', which it lacks");
			}
		}
		List<EligibilityRule> rules = new ArrayList<>();
		if (form.get("eligibility") instanceof List<?> listed) {
			for (Object rule : listed) {
				if (!(rule instanceof Map<?, ?> fieldsOfRule)
						|| !names.contains(String.valueOf(fieldsOfRule.get("field")))) {
					throw new IllegalStateException(
							"Form '" + id + "': an eligibility rule must name one of the form's fields");
				}
				rules.add(new EligibilityRule(String.valueOf(fieldsOfRule.get("field")),
						(Integer) fieldsOfRule.get("minAge"), (Integer) fieldsOfRule.get("maxAge")));
			}
		}
		return new FormSpec(id, fields, provinceField, uniqueField, rules);
	}

	private static FieldSpec field(String form, Object item) {
		if (!(item instanceof Map<?, ?> spec)) {
			throw new IllegalStateException("Form '" + form + "': each field must be a mapping");
		}
		String name = text(spec.get("name"), form, "a field's name");
		String where = "Form '" + form + "', field '" + name + "'";
		for (Object key : spec.keySet()) {
			if (!FIELD_KEYS.contains(String.valueOf(key))) {
				throw new IllegalStateException(where + ": unknown setting '" + key + "'");
			}
		}
		FieldParser parser = FieldParser.fromCode(String.valueOf(spec.get("parser")))
			.orElseThrow(() -> new IllegalStateException(where + ": unknown parser '" + spec.get("parser") + "'"));
		int min = (spec.get("min") instanceof Integer n) ? n : 1;
		int max = (spec.get("max") instanceof Integer n) ? n : 1000;
		if (parser == FieldParser.TEXT && (min < 1 || max < min)) {
			throw new IllegalStateException(where + ": needs 1 <= min <= max");
		}
		List<String> choices = new ArrayList<>();
		if (spec.get("choices") instanceof List<?> options) {
			options.forEach((option) -> choices.add(String.valueOf(option)));
		}
		if ((parser == FieldParser.CHOICE) == choices.isEmpty()) {
			throw new IllegalStateException(where + ": 'choices' go with parser 'choice', and only with it");
		}
		Map<String, String> when = new LinkedHashMap<>();
		if (spec.get("when") instanceof Map<?, ?> condition) {
			when.put(String.valueOf(condition.get("field")), String.valueOf(condition.get("is")));
		}
		return new FieldSpec(name, parser, min, max, choices, when, Boolean.TRUE.equals(spec.get("unique")),
				Boolean.TRUE.equals(spec.get("masked")));
	}

	private static String text(Object value, String form, String what) {
		if (value instanceof String text && !text.isBlank()) {
			return text;
		}
		throw new IllegalStateException("Form '" + form + "': expected text for " + what);
	}

}
