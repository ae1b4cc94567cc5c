package th.or.depa.sca.store.redis.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PersonalDataSealerTests {

	private static final String PLAINTEXT = "{\"firstName\":\"สมชาย\",\"nationalId\":\"1103702071013\"}";

	private static final String AD = "round-2|youth|U1";

	private final String keyset = PersonalDataSealer.generateKeyset();

	@Test
	void shouldOpenWhatItSealed() {
		PersonalDataSealer sealer = new PersonalDataSealer(this.keyset);
		String sealed = sealer.seal(PLAINTEXT, AD);
		assertThat(sealed).doesNotContain("สมชาย").doesNotContain("1103702071013");
		assertThat(sealer.open(sealed, AD)).isEqualTo(PLAINTEXT);
	}

	@Test
	void shouldSealTheSameTextDifferentlyEachTime() {
		PersonalDataSealer sealer = new PersonalDataSealer(this.keyset);
		assertThat(sealer.seal(PLAINTEXT, AD)).isNotEqualTo(sealer.seal(PLAINTEXT, AD));
	}

	@Test
	void shouldAcceptTheKeysetBase64Encoded() {
		String base64 = Base64.getEncoder().encodeToString(this.keyset.getBytes(StandardCharsets.UTF_8));
		String sealed = new PersonalDataSealer(this.keyset).seal(PLAINTEXT, AD);
		assertThat(new PersonalDataSealer(base64).open(sealed, AD)).isEqualTo(PLAINTEXT);
	}

	@Test
	void shouldNotOpenWithAnotherKey() {
		String sealed = new PersonalDataSealer(this.keyset).seal(PLAINTEXT, AD);
		PersonalDataSealer other = new PersonalDataSealer(PersonalDataSealer.generateKeyset());
		assertThatIllegalStateException().isThrownBy(() -> other.open(sealed, AD))
			.withMessageContaining("BOT_DATA_KEY")
			.withMessageNotContaining("สมชาย")
			.withMessageNotContaining("1103702071013");
	}

	@Test
	void shouldNotOpenWithOtherAssociatedData() {
		PersonalDataSealer sealer = new PersonalDataSealer(this.keyset);
		String sealed = sealer.seal(PLAINTEXT, AD);
		assertThatIllegalStateException().isThrownBy(() -> sealer.open(sealed, "round-2|youth|U2"));
	}

	@Test
	void shouldNotOpenAlteredData() {
		PersonalDataSealer sealer = new PersonalDataSealer(this.keyset);
		byte[] sealed = Base64.getDecoder().decode(sealer.seal(PLAINTEXT, AD));
		sealed[sealed.length - 1] ^= 1;
		assertThatIllegalStateException().isThrownBy(() -> sealer.open(Base64.getEncoder().encodeToString(sealed), AD));
	}

	@Test
	void shouldStillOpenWhatWasSealedBeforeRotating() {
		String before = new PersonalDataSealer(this.keyset).seal(PLAINTEXT, AD);
		String rotatedKeyset = PersonalDataSealer.rotate(this.keyset);
		PersonalDataSealer rotated = new PersonalDataSealer(rotatedKeyset);

		assertThat(rotated.open(before, AD)).isEqualTo(PLAINTEXT);
		String after = rotated.seal(PLAINTEXT, AD);
		assertThat(rotated.open(after, AD)).isEqualTo(PLAINTEXT);
		// Sealed with the new primary: the old keyset alone cannot open it.
		assertThatIllegalStateException().isThrownBy(() -> new PersonalDataSealer(this.keyset).open(after, AD));
	}

	@Test
	void shouldRotateMoreThanOnce() {
		String first = PersonalDataSealer.rotate(this.keyset);
		String second = PersonalDataSealer.rotate(first);
		String sealed = new PersonalDataSealer(this.keyset).seal(PLAINTEXT, AD);
		String sealedAfterFirst = new PersonalDataSealer(first).seal(PLAINTEXT, AD);
		PersonalDataSealer latest = new PersonalDataSealer(second);
		assertThat(latest.open(sealed, AD)).isEqualTo(PLAINTEXT);
		assertThat(latest.open(sealedAfterFirst, AD)).isEqualTo(PLAINTEXT);
	}

	@Test
	void shouldRefuseWhatIsNotAKeysetWithoutQuotingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalDataSealer(""))
			.withMessageContaining("BOT_DATA_KEY");
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalDataSealer("{\"secret\": \"hunter2\"}"))
			.withMessageContaining("BOT_DATA_KEY")
			.withMessageNotContaining("hunter2");
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalDataSealer("not base64 at all!"))
			.withMessageContaining("BOT_DATA_KEY");
	}

	@Test
	void shouldRefuseAPrfKeyset() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalDataSealer(KeyedHash.generateKeyset()))
			.withMessageContaining("BOT_DATA_KEY");
	}

}
