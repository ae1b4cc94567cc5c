package th.or.depa.sca.bot.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that protect personal data at rest.
 *
 * @param key the Tink AEAD keyset (JSON, or its base64) that seals applications
 * ({@code BOT_DATA_KEY}); may hold old keys beside the primary, for rotation
 * @param indexKey the Tink PRF keyset for the keyed hashes that keep national IDs and
 * cities unique without storing them ({@code BOT_INDEX_KEY})
 * @param simulatorKeyFile where simulator mode keeps the keys it generates, so that a
 * restart can still open what it sealed
 */
@ConfigurationProperties("bot.data")
public record DataKeyProperties(String key, String indexKey,
		@DefaultValue("data/simulator-keys.properties") Path simulatorKeyFile) {
}
