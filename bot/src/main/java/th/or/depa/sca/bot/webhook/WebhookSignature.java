package th.or.depa.sca.bot.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import com.linecorp.bot.parser.LineSignatureValidator;
import th.or.depa.sca.bot.line.LineProperties;

import org.springframework.stereotype.Component;

/**
 * Checks X-Line-Signature: HMAC-SHA256 of the raw body with the channel secret, compared
 * in constant time (the SDK's validator uses MessageDigest.isEqual).
 */
@Component
class WebhookSignature {

	private final LineSignatureValidator validator;

	WebhookSignature(LineProperties properties) {
		this.validator = new LineSignatureValidator(properties.effectiveSecret().getBytes(StandardCharsets.UTF_8));
	}

	Verdict verify(byte[] body, String header) {
		if (header == null || header.isBlank()) {
			return Verdict.MISSING;
		}
		byte[] signature;
		try {
			signature = Base64.getDecoder().decode(header.strip());
		}
		catch (IllegalArgumentException ex) {
			return Verdict.MALFORMED;
		}
		if (signature.length != 32) {
			return Verdict.MALFORMED;
		}
		// Constant-time compare of the decoded header with the HMAC the SDK computes.
		return MessageDigest.isEqual(signature, this.validator.generateSignature(body)) ? Verdict.VALID
				: Verdict.MISMATCH;
	}

	enum Verdict {

		VALID, MISSING, MALFORMED, MISMATCH

	}

}
