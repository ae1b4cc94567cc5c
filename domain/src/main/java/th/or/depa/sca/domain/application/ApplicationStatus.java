package th.or.depa.sca.domain.application;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an application stands. The bot creates applications as {@link #SUBMITTED}; staff
 * move them on; the applicant may withdraw.
 */
public enum ApplicationStatus {

	SUBMITTED, UNDER_REVIEW, SHORTLISTED, ACCEPTED, NOT_SELECTED, WITHDRAWN;

	/** The lower-case code used in storage, the staff API and catalog keys. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The status with this code, if any. */
	public static Optional<ApplicationStatus> fromCode(String code) {
		for (ApplicationStatus status : values()) {
			if (status.code().equalsIgnoreCase(code)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
