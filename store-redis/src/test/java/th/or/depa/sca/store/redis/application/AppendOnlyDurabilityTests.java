package th.or.depa.sca.store.redis.application;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import th.or.depa.sca.domain.application.Application;
import th.or.depa.sca.domain.application.ApplicationNumber;
import th.or.depa.sca.domain.application.Submission;
import th.or.depa.sca.domain.application.SubmitResult;
import th.or.depa.sca.store.redis.EmbeddedRedis;
import th.or.depa.sca.store.redis.TestData;
import th.or.depa.sca.store.redis.crypto.KeyedHash;
import th.or.depa.sca.store.redis.crypto.PersonalDataSealer;

import static org.assertj.core.api.Assertions.assertThat;

class AppendOnlyDurabilityTests {

	@TempDir
	Path dir;

	@Test
	void shouldFindTheApplicationWithItsAnswersAfterRedisRestarts() {
		PersonalDataSealer sealer = new PersonalDataSealer(PersonalDataSealer.generateKeyset());
		KeyedHash hash = new KeyedHash(KeyedHash.generateKeyset());
		Submission submission = TestData.somchai("U-somchai");
		int port = EmbeddedRedis.freePort();

		ApplicationNumber number;
		try (EmbeddedRedis first = EmbeddedRedis.startAppendOnly(port, this.dir)) {
			SubmitResult result = new RedisApplicationRepository(first.template(), sealer, hash).submit(submission,
					TestData.DURING);
			number = ((SubmitResult.Created) result).application().number();
		}

		try (EmbeddedRedis second = EmbeddedRedis.startAppendOnly(port, this.dir)) {
			RedisApplicationRepository repository = new RedisApplicationRepository(second.template(), sealer, hash);
			Application found = repository.find(number).orElseThrow();
			assertThat(found.answers()).isEqualTo(submission.answers());
			assertThat(found.lineUserId()).isEqualTo("U-somchai");
			// The indexes came back too: the same submission is still recognised.
			assertThat(repository.submit(submission, TestData.DURING.plusSeconds(1)))
				.isEqualTo(new SubmitResult.AlreadySubmitted(number));
		}
	}

}
