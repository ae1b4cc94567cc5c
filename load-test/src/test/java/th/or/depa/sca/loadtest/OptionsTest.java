package th.or.depa.sca.loadtest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTest {

	@Test
	void durationsWithUnitsAreParsed() {
		assertThat(Options.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(Options.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
		assertThat(Options.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(Options.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
		assertThat(Options.parseDuration("0s")).isZero();
	}

	@Test
	void durationsWithoutAUnitOrWithJunkAreRejected() {
		for (String text : List.of("30", "abc", "-1s", "1.5s", "10 minutes", "")) {
			assertThatIllegalArgumentException().isThrownBy(() -> Options.parseDuration(text))
				.withMessageContaining("duration");
		}
	}

	@Test
	void defaultsMatchTheDocumentedRun() {
		Options options = Options.parse();

		assertThat(options.rate()).isEqualTo(2000);
		assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.drain()).isEqualTo(Duration.ofSeconds(15));
		assertThat(options.users()).isEqualTo(1000);
		assertThat(options.maxInFlight()).isEqualTo(4000);
		assertThat(options.stubDelay()).isEqualTo(Duration.ofMillis(30));
		assertThat(options.targetAckP99Millis()).isEqualTo(50);
		assertThat(options.targetReplyP99Millis()).isEqualTo(200);
		assertThat(options.botJar()).isEqualTo(Path.of("bot", "target", "bot.jar"));
		assertThat(options.java()).isNotBlank();
		assertThat(options.launchesBot()).isTrue();
		assertThat(options.texts()).isNull();
		assertThat(options.mix()).isEqualTo(TrafficMix.DEFAULT);
		assertThat(options.stubRateLimit()).isZero();
		assertThat(options.stubServerErrorRate()).isZero();
		assertThat(options.stubTimeoutRate()).isZero();
		assertThat(options.redisUrl()).isNull();
	}

	@Test
	void trafficAndStubFailuresAreConfigurable() {
		Options options = Options.parse("--texts", "my.txt", "--mix", "questions=9,stickers=1", "--seed", "7",
				"--stub-rate-limit", "1500", "--stub-5xx-rate", "0.01", "--stub-timeout-rate=0.001", "--redis-url",
				"redis://127.0.0.1:6390/2");

		assertThat(options.texts()).isEqualTo(Path.of("my.txt"));
		assertThat(options.mix()).isEqualTo(new TrafficMix(9, 0, 0, 1, 0, 0, 0));
		assertThat(options.seed()).isEqualTo(7);
		assertThat(options.stubRateLimit()).isEqualTo(1500);
		assertThat(options.stubServerErrorRate()).isEqualTo(0.01);
		assertThat(options.stubTimeoutRate()).isEqualTo(0.001);
		assertThat(options.redisUrl()).isEqualTo("redis://127.0.0.1:6390/2");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--stub-5xx-rate", "2"))
			.withMessageContaining("between 0 and 1");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--redis-url", "localhost:6379"))
			.withMessageContaining("redis://");
	}

	@Test
	void optionsAcceptSpaceAndEqualsForms() {
		Options options = Options.parse("--rate", "500", "--duration=2m", "--bot-jvm-args", " -XX:+UseZGC  -Dx=y ",
				"--stub-delay-ms", "0");

		assertThat(options.rate()).isEqualTo(500);
		assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
		assertThat(options.botJvmArgs()).containsExactly("-XX:+UseZGC", "-Dx=y");
		assertThat(options.stubDelay()).isZero();
	}

	@Test
	void aRunningTargetNeedsItsSecretAndMustBeLocal() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--target", "http://127.0.0.1:8080"))
			.withMessageContaining("--secret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Options.parse("--target", "http://example.com:8080", "--secret", "s"))
			.withMessageContaining("127.0.0.1");

		Options options = Options.parse("--target", "http://127.0.0.1:8080", "--secret", "s");
		assertThat(options.launchesBot()).isFalse();
		assertThat(options.target()).isEqualTo(URI.create("http://127.0.0.1:8080"));
	}

	@Test
	void unknownOrIncompleteOptionsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rat", "5"))
			.withMessageContaining("unknown option");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rate"))
			.withMessageContaining("needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rate", "0"))
			.withMessageContaining("positive");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--duration", "0s"))
			.withMessageContaining("--duration");
	}

	@Test
	void helpIsRecognisedAnywhere() {
		assertThat(Options.asksForHelp("--rate", "5", "--help")).isTrue();
		assertThat(Options.asksForHelp("--rate", "5")).isFalse();
	}

}
