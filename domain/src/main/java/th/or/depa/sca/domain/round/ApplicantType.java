package th.or.depa.sca.domain.round;

import java.util.Locale;
import java.util.Optional;

/**
 * Who applies: a young person for themselves, or a municipality's officer for a city.
 */
public enum ApplicantType {

	/** A young person applying to become an ambassador. */
	YOUTH("Y"),

	/** A city (municipality) applying to take part, through one of its officers. */
	CITY("C");

	private final String letter;

	ApplicantType(String letter) {
		this.letter = letter;
	}

	/** The letter used in application numbers (SCA2-Y-000123). */
	public String letter() {
		return this.letter;
	}

	/** The lower-case code used in configuration, postbacks and Redis keys. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The type with this code or letter, if any. */
	public static Optional<ApplicantType> fromCode(String code) {
		for (ApplicantType type : values()) {
			if (type.code().equalsIgnoreCase(code) || type.letter.equalsIgnoreCase(code)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
