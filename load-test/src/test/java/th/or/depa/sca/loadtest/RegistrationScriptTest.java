package th.or.depa.sca.loadtest;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationScriptTest {

	@Test
	void everyRegistrantHasAValidNationalIdOfTheirOwn() {
		Set<String> ids = new HashSet<>();
		for (int registrant = 0; registrant < 5000; registrant++) {
			String id = RegistrationScript.nationalId(registrant);
			assertThat(id).matches("[1-8]\\d{12}");
			int sum = 0;
			for (int i = 0; i < 12; i++) {
				sum += (id.charAt(i) - '0') * (13 - i);
			}
			assertThat(id.charAt(12) - '0').as(id).isEqualTo((11 - sum % 11) % 10);
			ids.add(id);
		}
		assertThat(ids).hasSize(5000);
		// 1×13 + 1×12 = 25; 25 mod 11 = 3; 11 − 3 = 8.
		assertThat(RegistrationScript.nationalId(0)).isEqualTo("1100000000008");
	}

	@Test
	void aRegistrantStartsAgreesAnswersEachFieldThenSubmits() {
		SplittableRandom random = new SplittableRandom(1);
		assertThat(RegistrationScript.step(7, 0, random)).contains("สมัคร");
		assertThat(RegistrationScript.step(7, 1, random)).isIn("flow=registration&do=type&arg=youth", "เยาวชนค่ะ");
		assertThat(RegistrationScript.step(7, 2, random)).isIn("flow=registration&do=consent&arg=yes", "ยินยอมค่ะ");
		assertThat(RegistrationScript.step(7, 5, random)).matches("\\d{1,2} \\S+ 25\\d\\d");
		assertThat(RegistrationScript.step(7, 6, random).replace("-", "")).isEqualTo(RegistrationScript.nationalId(7));
		assertThat(RegistrationScript.step(7, 7, random).replace("-", "")).matches("08\\d{8}");
		assertThat(RegistrationScript.step(7, 8, random)).matches("[a-z]+\\.7@example\\.com");
		assertThat(RegistrationScript.step(7, 12, random).length()).isGreaterThanOrEqualTo(30);
		assertThat(RegistrationScript.step(7, RegistrationScript.STEPS - 1, random))
			.isEqualTo("flow=registration&do=submit");
		assertThat(RegistrationScript.step(7, RegistrationScript.STEPS + 3, random)).isIn("สถานะใบสมัคร", "ขอบคุณค่ะ");
	}

}
