package th.or.depa.sca.loadtest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratorWarmupTest {

	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void sendsEveryWarmupRequestToAStubOfItsOwnAndReturns() throws Exception {
		// Closed-loop, so far ahead of its nominal schedule: early answers must not stall
		// it.
		Duration took = GeneratorWarmup.run(2_000, new ChatTexts(List.of("รับสมัครถึงวันไหนครับ")), TrafficMix.DEFAULT,
				10, 1);

		assertThat(took).isLessThan(Duration.ofSeconds(10));
	}

}
