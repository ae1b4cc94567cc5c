package th.or.depa.sca.store.redis.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;

/**
 * A keyed one-way hash (Tink PRF, HMAC-SHA256) with the keyset from
 * {@code BOT_INDEX_KEY}, so that a uniqueness key (a national ID, a city) can be looked
 * up without being stored.
 * <p>
 * It only strips, NFKC-normalizes, collapses white space and case-folds its input. The
 * caller brings values to one canonical form first: a national ID as its 13 digits
 * without dashes or spaces, a city as the canonical name from the city list, so that two
 * spellings of the same value hash alike.
 * <p>
 * The hash is made with the keyset's primary key only: changing the primary changes every
 * hash, so this keyset is not rotated while a round is open.
 */
public final class KeyedHash {

	static final String VARIABLE = "BOT_INDEX_KEY";

	private static final int OUTPUT_BYTES = 32;

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private final PrfSet prf;

	/**
	 * Reads the keyset.
	 * @param keyset a cleartext Tink JSON keyset of PRF keys, raw or base64-encoded
	 * @throws IllegalArgumentException if it is not one
	 */
	public KeyedHash(String keyset) {
		KeysetHandle handle = Keysets.parse(keyset, VARIABLE);
		try {
			this.prf = handle.getPrimitive(Keysets.configuration(), PrfSet.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException(VARIABLE + " does not hold PRF keys", ex);
		}
	}

	/**
	 * The keyed hash of the value.
	 * @param value the canonical value (see the class comment)
	 * @return 64 lower-case hex digits
	 */
	public String hash(String value) {
		Objects.requireNonNull(value, "value");
		try {
			byte[] out = this.prf.computePrimary(normalize(value).getBytes(StandardCharsets.UTF_8), OUTPUT_BYTES);
			return HexFormat.of().formatHex(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Keyed hash failed", ex);
		}
	}

	static String normalize(String value) {
		String normalized = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
		normalized = WHITESPACE.matcher(normalized).replaceAll(" ");
		return normalized.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
	}

	/**
	 * A new keyset with one HMAC-SHA256 PRF key, as {@code BOT_INDEX_KEY} holds it
	 * (JSON).
	 */
	public static String generateKeyset() {
		return Keysets.serialize(Keysets.generate(PredefinedPrfParameters.HMAC_SHA256_PRF));
	}

}
