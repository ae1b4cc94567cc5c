package th.or.depa.sca.loadtest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the {@code X-Line-Signature} header: Base64 of HMAC-SHA256 over the body with
 * the channel secret.
 */
final class WebhookSigner {

	private static final String ALGORITHM = "HmacSHA256";

	private final Mac mac;

	WebhookSigner(String channelSecret) {
		try {
			this.mac = Mac.getInstance(ALGORITHM);
			this.mac.init(new SecretKeySpec(channelSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
		}
		catch (GeneralSecurityException ex) {
			// Every JDK ships HmacSHA256, so this only happens on a broken runtime.
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * Signs the exact bytes that go on the wire; re-encoding the body would change the
	 * signature.
	 */
	synchronized String sign(byte[] body) {
		// Mac is stateful and not thread-safe; the pacer is the only caller, so the lock
		// is uncontended.
		return Base64.getEncoder().encodeToString(this.mac.doFinal(body));
	}

}
