package th.or.depa.sca.loadtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrafficMixTest {

	@Test
	void kindsNotNamedGetNoWeight() {
		TrafficMix mix = TrafficMix.parse("questions=80, greetings=8,thanks=7,stickers=5");

		assertThat(mix).isEqualTo(new TrafficMix(80, 8, 7, 5, 0, 0, 0));
		assertThat(mix).hasToString("questions=80,greetings=8,thanks=7,stickers=5");
		assertThat(TrafficMix.parse("questions=9,forms=1")).isEqualTo(new TrafficMix(9, 0, 0, 0, 0, 0, 1));
		assertThat(TrafficMix.DEFAULT)
			.hasToString("questions=72,greetings=8,thanks=6,stickers=5,photos=2,follows=1,forms=6");
	}

	@Test
	void unknownKindsAndBadWeightsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrafficMix.parse("images=5"))
			.withMessageContaining("unknown kind");
		assertThatIllegalArgumentException().isThrownBy(() -> TrafficMix.parse("questions=many"))
			.withMessageContaining("not a number");
		assertThatIllegalArgumentException().isThrownBy(() -> TrafficMix.parse("questions=-1"))
			.withMessageContaining(">= 0");
		assertThatIllegalArgumentException().isThrownBy(() -> TrafficMix.parse("questions=0"))
			.withMessageContaining("at least one");
		assertThatIllegalArgumentException().isThrownBy(() -> TrafficMix.parse("questions"))
			.withMessageContaining("kind=weight");
	}

}
