package th.or.depa.sca.bot;

import th.or.depa.sca.store.redis.crypto.KeyedHash;
import th.or.depa.sca.store.redis.crypto.PersonalDataSealer;

/**
 * Data keys generated once per test run, shared by every bot instance a test starts (as
 * instances of one deployment share theirs).
 */
public final class TestKeys {

	/** The keyset that seals personal data (BOT_DATA_KEY). */
	public static final String DATA = PersonalDataSealer.generateKeyset();

	/** The keyset of the uniqueness hashes (BOT_INDEX_KEY). */
	public static final String INDEX = KeyedHash.generateKeyset();

	private TestKeys() {
	}

}
