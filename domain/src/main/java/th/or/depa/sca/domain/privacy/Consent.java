package th.or.depa.sca.domain.privacy;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's consent to one purpose, recorded with the notice they were shown.
 *
 * @param purpose what the data is for, e.g. {@code registration} or {@code next-round}
 * @param noticeVersion the version of the privacy notice shown
 * @param givenAt when the user agreed
 */
public record Consent(String purpose, String noticeVersion, Instant givenAt) {

	public Consent {
		Objects.requireNonNull(purpose, "purpose");
		Objects.requireNonNull(noticeVersion, "noticeVersion");
		Objects.requireNonNull(givenAt, "givenAt");
	}

}
