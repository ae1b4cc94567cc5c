package th.or.depa.sca.store.redis.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeyedHashTests {

	private final String keyset = KeyedHash.generateKeyset();

	@Test
	void shouldHashAlikeWithTheSameKey() {
		String hash = new KeyedHash(this.keyset).hash("1103702071013");
		assertThat(hash).hasSize(64).matches("[0-9a-f]+").doesNotContain("1103702071013");
		assertThat(new KeyedHash(this.keyset).hash("1103702071013")).isEqualTo(hash);
	}

	@Test
	void shouldHashDifferentlyWithAnotherKey() {
		assertThat(new KeyedHash(KeyedHash.generateKeyset()).hash("1103702071013"))
			.isNotEqualTo(new KeyedHash(this.keyset).hash("1103702071013"));
	}

	@Test
	void shouldHashDifferentValuesDifferently() {
		KeyedHash hash = new KeyedHash(this.keyset);
		assertThat(hash.hash("1103702071013")).isNotEqualTo(hash.hash("3100500612343"));
	}

	@Test
	void shouldIgnoreSurroundingSpaceCaseAndWidth() {
		KeyedHash hash = new KeyedHash(this.keyset);
		assertThat(hash.hash("  Khon Kaen  City ")).isEqualTo(hash.hash("khon kaen city"));
		assertThat(hash.hash("ＫＨＯＮ kaen city")).isEqualTo(hash.hash("khon kaen city"));
		assertThat(hash.hash(" เทศบาลนครขอนแก่น\n")).isEqualTo(hash.hash("เทศบาลนครขอนแก่น"));
	}

	@Test
	void shouldAcceptTheKeysetBase64Encoded() {
		String base64 = Base64.getEncoder().encodeToString(this.keyset.getBytes(StandardCharsets.UTF_8));
		assertThat(new KeyedHash(base64).hash("x")).isEqualTo(new KeyedHash(this.keyset).hash("x"));
	}

	@Test
	void shouldRefuseAnAeadKeyset() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyedHash(PersonalDataSealer.generateKeyset()))
			.withMessageContaining("BOT_INDEX_KEY");
	}

}
