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

	/** Length of the Base64 text of a 32-byte HMAC-SHA256. */
	static final int SIGNATURE_LENGTH = 44;

	private static final String ALGORITHM = "HmacSHA256";

	private final Mac mac;

	private final byte[] digest;

	private final byte[] base64 = new byte[SIGNATURE_LENGTH];

	WebhookSigner(String channelSecret) {
		try {
			this.mac = Mac.getInstance(ALGORITHM);
			this.mac.init(new SecretKeySpec(channelSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
		}
		catch (GeneralSecurityException ex) {
			// Every JDK ships HmacSHA256, so this only happens on a broken runtime.
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
		this.digest = new byte[this.mac.getMacLength()];
	}

	/**
	 * Signs the exact bytes that go on the wire; re-encoding the body would change the
	 * signature.
	 */
	String sign(byte[] body) {
		byte[] out = new byte[SIGNATURE_LENGTH];
		signInto(body, 0, body.length, out, 0);
		return new String(out, StandardCharsets.US_ASCII);
	}

	/**
	 * Writes the signature of {@code body[offset, offset + length)} as
	 * {@link #SIGNATURE_LENGTH} ASCII bytes at {@code out[outOffset]}, without
	 * allocating.
	 */
	synchronized void signInto(byte[] body, int offset, int length, byte[] out, int outOffset) {
		// Mac is stateful and not thread-safe; each thread that writes requests has its
		// own signer, so the lock is uncontended.
		this.mac.update(body, offset, length);
		try {
			this.mac.doFinal(this.digest, 0);
		}
		catch (GeneralSecurityException ex) {
			// The digest buffer has the Mac's own length, so it cannot be too short.
			throw new IllegalStateException(ex);
		}
		Base64.getEncoder().encode(this.digest, this.base64);
		System.arraycopy(this.base64, 0, out, outOffset, SIGNATURE_LENGTH);
	}

}
