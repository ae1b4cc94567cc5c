package th.or.depa.sca.templates.forms;

import java.util.Locale;
import java.util.Optional;

/**
 * How a form field's answer is read (each maps to a parser of {@code nlp.parse}).
 */
public enum FieldParser {

	FULL_NAME, NAME, BIRTH_DATE, NATIONAL_ID, MOBILE, PHONE, EMAIL, PROVINCE, CHOICE, TEXT;

	/** The name used in the forms file, e.g. {@code full-name}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The parser with this name, if any. */
	public static Optional<FieldParser> fromCode(String code) {
		for (FieldParser parser : values()) {
			if (parser.code().equals(code)) {
				return Optional.of(parser);
			}
		}
		return Optional.empty();
	}

}
