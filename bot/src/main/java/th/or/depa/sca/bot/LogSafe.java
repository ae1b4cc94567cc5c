package th.or.depa.sca.bot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns identifiers into something logs may hold: LINE user ids are personal data under
 * the PDPA, so logs carry a short one-way digest that still lets lines of one chat be
 * grouped.
 */
public final class LogSafe {

	private LogSafe() {
	}

	/** A short, stable, one-way digest of a LINE user, group or room id. */
	public static String chat(String id) {
		if (id == null || id.isEmpty()) {
			return "-";
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
			return id.charAt(0) + "#" + HexFormat.of().formatHex(digest, 0, 5);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
