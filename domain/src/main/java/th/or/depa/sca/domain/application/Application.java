package th.or.depa.sca.domain.application;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import th.or.depa.sca.domain.privacy.Consent;
import th.or.depa.sca.domain.round.ApplicantType;

/**
 * An application as stored. The answers are personal data: the store seals them at rest,
 * and a withdrawn application keeps none of them, only what counts need (number, type,
 * province, times).
 *
 * @param number the application's number
 * @param roundId the round it was submitted to
 * @param type who applied
 * @param status where it stands
 * @param lineUserId the LINE user who submitted it; empty once withdrawn
 * @param province the home province (youth) or the city's province, for counts
 * @param answers the form's answers by field name; empty once withdrawn
 * @param consent the consent given before any personal data was asked for
 * @param submittedAt when it was submitted
 * @param updatedAt when its status last changed
 */
public record Application(ApplicationNumber number, String roundId, ApplicantType type, ApplicationStatus status,
		String lineUserId, String province, Map<String, String> answers, Consent consent, Instant submittedAt,
		Instant updatedAt) {

	public Application {
		Objects.requireNonNull(number, "number");
		Objects.requireNonNull(roundId, "roundId");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(status, "status");
		lineUserId = (lineUserId != null) ? lineUserId : "";
		province = (province != null) ? province : "";
		answers = (answers != null) ? Map.copyOf(answers) : Map.of();
	}

	/** Whether the applicant withdrew it (its personal data is gone). */
	public boolean withdrawn() {
		return this.status == ApplicationStatus.WITHDRAWN;
	}

}
