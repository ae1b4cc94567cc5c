package th.or.depa.sca.domain.application;

import java.util.Map;
import java.util.Objects;

import th.or.depa.sca.domain.privacy.Consent;
import th.or.depa.sca.domain.round.ApplicantType;
import th.or.depa.sca.domain.round.Round;

/**
 * A completed form handed in for a round.
 *
 * @param round the round applied to
 * @param type who applies
 * @param lineUserId the LINE user submitting it
 * @param answers the form's answers by field name
 * @param province the province, kept in clear for counts
 * @param uniqueKey what must be unique within the round besides the LINE user: the
 * national ID for a young person, the city for a city (the store keeps only a keyed hash
 * of it)
 * @param consent the consent given
 */
public record Submission(Round round, ApplicantType type, String lineUserId, Map<String, String> answers,
		String province, String uniqueKey, Consent consent) {

	public Submission {
		Objects.requireNonNull(round, "round");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(lineUserId, "lineUserId");
		Objects.requireNonNull(uniqueKey, "uniqueKey");
		Objects.requireNonNull(consent, "consent");
		answers = Map.copyOf(answers);
		province = (province != null) ? province : "";
	}

}
