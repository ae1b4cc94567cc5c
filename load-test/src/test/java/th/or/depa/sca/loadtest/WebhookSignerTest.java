package th.or.depa.sca.loadtest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTest {

	@Test
	void signatureMatchesAnIndependentlyComputedHmacSha256() throws Exception {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("testsecret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = Base64.getEncoder().encodeToString(mac.doFinal(body));

		assertThat(new WebhookSigner("testsecret").sign(body)).isEqualTo(expected);
	}

	@Test
	void signatureMatchesAKnownVector() {
		// Computed once outside Java (Python hmac): guards against both sides sharing the
		// same mistake.
		assertThat(new WebhookSigner("testsecret").sign("{}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("nTUVVCoPC9n19MruRpLGIbnvKfgDi4kbT1UJsEhR26M=");
	}

	@Test
	void signatureChangesWithTheBodyAndIsStableForTheSameBody() {
		WebhookSigner signer = new WebhookSigner("testsecret");
		byte[] body = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);

		assertThat(signer.sign(body)).isEqualTo(signer.sign(body))
			.isNotEqualTo(signer.sign("{}".getBytes(StandardCharsets.UTF_8)));
	}

}
