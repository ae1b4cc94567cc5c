package th.or.depa.sca.store.redis;

import java.time.Instant;
import java.util.Map;

import th.or.depa.sca.domain.application.Submission;
import th.or.depa.sca.domain.privacy.Consent;
import th.or.depa.sca.domain.round.ApplicantType;
import th.or.depa.sca.domain.round.Round;

/**
 * Applicants as the bot would hand them in: realistic Thai names, a national ID with a
 * valid check digit, a mobile number and an e-mail.
 */
public final class TestData {

	/** Round 2 closes at the end of 21 July 2022 in Bangkok. */
	public static final Round ROUND_2 = new Round("round-2", 2, Instant.parse("2022-06-01T00:00:00+07:00"),
			Instant.parse("2022-07-22T00:00:00+07:00"), Map.of(), false);

	public static final Instant DURING = Instant.parse("2022-07-01T10:15:30+07:00");

	public static final String FIRST_NAME = "สมชาย";

	public static final String LAST_NAME = "ใจดี";

	public static final String NATIONAL_ID = "1103702071013";

	public static final String PHONE = "0812345678";

	public static final String EMAIL = "somchai.jaidee@example.co.th";

	public static final String OTHER_NATIONAL_ID = "3100500612343";

	public static final Consent CONSENT = new Consent("registration", "2022-05", Instant.parse("2022-07-01T10:00:00Z"));

	private TestData() {
	}

	/** Somchai's application as a young person, from the given LINE user. */
	public static Submission somchai(String lineUserId) {
		return youth(lineUserId, NATIONAL_ID, FIRST_NAME, LAST_NAME, PHONE, EMAIL);
	}

	public static Submission youth(String lineUserId, String nationalId, String firstName, String lastName,
			String phone, String email) {
		Map<String, String> answers = Map.of("firstName", firstName, "lastName", lastName, "nationalId", nationalId,
				"phone", phone, "email", email, "birthDate", "2001-03-14", "university", "มหาวิทยาลัยเชียงใหม่",
				"motivation", "อยากให้เมืองเชียงใหม่มีขนส่งสาธารณะที่ดีขึ้น");
		return new Submission(ROUND_2, ApplicantType.YOUTH, lineUserId, answers, "เชียงใหม่", nationalId, CONSENT);
	}

	/** A city's application by one of its officers. */
	public static Submission city(String lineUserId, String city) {
		Map<String, String> answers = Map.of("city", city, "officerFirstName", "สมหญิง", "officerLastName", "รักเมือง",
				"officerPhone", "0898765432", "officerEmail", "somying.r@nakornkhonkaen.go.th");
		return new Submission(ROUND_2, ApplicantType.CITY, lineUserId, answers, "ขอนแก่น", city, CONSENT);
	}

	/** Whether the 13-digit Thai national ID has a correct check digit. */
	public static boolean validNationalId(String id) {
		if (!id.matches("\\d{13}")) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += (id.charAt(i) - '0') * (13 - i);
		}
		return (11 - sum % 11) % 10 == id.charAt(12) - '0';
	}

}
