package th.or.depa.sca.store.redis.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;

/**
 * Reads and writes Tink keysets as the environment holds them: the cleartext JSON keyset,
 * raw or base64-encoded. Messages name the variable, never any key material.
 */
final class Keysets {

	private static final Configuration CONFIGURATION;

	static {
		try {
			AeadConfig.register();
			PrfConfig.register();
			CONFIGURATION = RegistryConfiguration.get();
		}
		catch (GeneralSecurityException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private Keysets() {
	}

	static KeysetHandle parse(String keyset, String variable) {
		if (keyset == null || keyset.isBlank()) {
			throw new IllegalArgumentException(variable + " is empty: a Tink keyset (JSON or base64 of it) is needed");
		}
		String json = keyset.strip();
		if (!json.startsWith("{")) {
			try {
				json = new String(Base64.getMimeDecoder().decode(json), StandardCharsets.UTF_8).strip();
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(variable + " is neither a JSON Tink keyset nor base64 of one");
			}
		}
		try {
			return TinkJsonProtoKeysetFormat.parseKeyset(json, CONFIGURATION, InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			// The cause is dropped on purpose: parser messages may quote the input.
			throw new IllegalArgumentException(variable + " is not a valid Tink keyset");
		}
	}

	/** The primitives and key types this module uses (AEAD and PRF). */
	static Configuration configuration() {
		return CONFIGURATION;
	}

	static KeysetHandle generate(Parameters parameters) {
		try {
			return KeysetHandle.generateNew(parameters, CONFIGURATION);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Keyset could not be generated", ex);
		}
	}

	static String serialize(KeysetHandle handle) {
		try {
			return TinkJsonProtoKeysetFormat.serializeKeyset(handle, CONFIGURATION, InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Keyset could not be serialized", ex);
		}
	}

}
