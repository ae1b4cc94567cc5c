package th.or.depa.sca.bot.inbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeaseTests {

	private static final long MINUTE = 60_000_000_000L;

	@Test
	void aRefusedRenewalWhileTheHolderReleasesTheLockIsTheReleaseNotALoss() {
		Lease lease = new Lease("U1", "t1", MINUTE);
		lease.releasing(true);

		// The commit that emptied the queue released the lock just before the renewal.
		assertThat(lease.renewalRefused()).isFalse();
		assertThat(lease.held()).isTrue();
	}

	@Test
	void aRefusedRenewalWhileHandlingLosesTheLease() {
		Lease handling = new Lease("U2", "t2", MINUTE);
		assertThat(handling.renewalRefused()).isTrue();
		assertThat(handling.held()).isFalse();

		// Back to handling after a commit that kept the lock: a refusal is a loss again.
		Lease committed = new Lease("U3", "t3", MINUTE);
		committed.releasing(true);
		committed.releasing(false);
		assertThat(committed.renewalRefused()).isTrue();
		assertThat(committed.held()).isFalse();
	}

}
