package th.or.depa.sca.store.redis.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Seals personal data before it is stored (Tink AEAD, AES256-GCM) with the keyset from
 * {@code BOT_DATA_KEY}. A keyset with several keys seals with its primary and opens with
 * any of them, so keys can be rotated without re-sealing what is stored.
 */
public final class PersonalDataSealer {

	static final String VARIABLE = "BOT_DATA_KEY";

	private static final AeadParameters PARAMETERS = PredefinedAeadParameters.AES256_GCM;

	private final Aead aead;

	/**
	 * Reads the keyset.
	 * @param keyset a cleartext Tink JSON keyset of AEAD keys, raw or base64-encoded
	 * @throws IllegalArgumentException if it is not one
	 */
	public PersonalDataSealer(String keyset) {
		KeysetHandle handle = Keysets.parse(keyset, VARIABLE);
		try {
			this.aead = handle.getPrimitive(Keysets.configuration(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException(VARIABLE + " does not hold AEAD keys", ex);
		}
	}

	/**
	 * Seals the text.
	 * @param plaintext what to seal
	 * @param associatedData what the sealed text belongs to; opening needs the same
	 * @return the sealed text, base64
	 */
	public String seal(String plaintext, String associatedData) {
		Objects.requireNonNull(plaintext, "plaintext");
		try {
			byte[] sealed = this.aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), bytes(associatedData));
			return Base64.getEncoder().encodeToString(sealed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Sealing failed", ex);
		}
	}

	/**
	 * Opens what {@link #seal} returned.
	 * @param sealed the sealed text, base64
	 * @param associatedData the same associated data it was sealed with
	 * @return the plaintext
	 * @throws IllegalStateException if no key opens it, it was altered or the associated
	 * data differs
	 */
	public String open(String sealed, String associatedData) {
		Objects.requireNonNull(sealed, "sealed");
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(sealed);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Sealed data is not base64");
		}
		try {
			return new String(this.aead.decrypt(bytes, bytes(associatedData)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"Sealed data does not open: wrong " + VARIABLE + ", altered data or other associated data", ex);
		}
	}

	/** A new keyset with one AES256-GCM key, as {@code BOT_DATA_KEY} holds it (JSON). */
	public static String generateKeyset() {
		return Keysets.serialize(Keysets.generate(PARAMETERS));
	}

	/**
	 * The keyset with a new primary key added: what is sealed from then on uses the new
	 * key, and what was sealed before still opens.
	 * @param keyset the current keyset, JSON or base64
	 * @return the rotated keyset, JSON
	 */
	public static String rotate(String keyset) {
		KeysetHandle current = Keysets.parse(keyset, VARIABLE);
		try {
			KeysetHandle rotated = KeysetHandle.newBuilder(current)
				.addEntry(KeysetHandle.generateEntryFromParameters(PARAMETERS).withRandomId().makePrimary())
				.build();
			return Keysets.serialize(rotated);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Keyset could not be rotated", ex);
		}
	}

	private static byte[] bytes(String associatedData) {
		return (associatedData != null) ? associatedData.getBytes(StandardCharsets.UTF_8) : new byte[0];
	}

}
