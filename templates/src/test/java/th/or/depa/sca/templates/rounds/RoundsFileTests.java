package th.or.depa.sca.templates.rounds;

import java.io.StringReader;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import th.or.depa.sca.domain.round.ApplicantType;
import th.or.depa.sca.domain.round.Round;
import th.or.depa.sca.domain.round.RoundCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RoundsFileTests {

	@Test
	void shouldShipTheSeedsRound2OpenFromTheAnnouncementUntilTheEndOf21July2022InBangkok() {
		RoundCalendar calendar = RoundsFile.load();

		Round round = calendar.byId("round-2").orElseThrow();
		assertThat(round.number()).isEqualTo(2);
		assertThat(round.opens()).isEqualTo(Instant.parse("2022-07-03T17:00:00Z"));
		assertThat(round.closes()).isEqualTo(Instant.parse("2022-07-21T17:00:00Z"));
		assertThat(round.quota(ApplicantType.YOUTH)).isEqualTo(150);
		assertThat(round.quota(ApplicantType.CITY)).isEqualTo(150);
		assertThat(calendar.zone().getId()).isEqualTo("Asia/Bangkok");
	}

	@Test
	void shouldTakeExactInstantsWithTheirOffset() {
		RoundCalendar calendar = RoundsFile.load(new StringReader("""
				zone: Asia/Bangkok
				rounds:
				  - id: round-3
				    number: 3
				    opensAt: 2027-01-10T09:00:00+07:00
				    closesAt: 2027-02-01T00:00:00+07:00
				"""));

		Round round = calendar.byNumber(3).orElseThrow();
		assertThat(round.opens()).isEqualTo(Instant.parse("2027-01-10T02:00:00Z"));
		assertThat(round.closes()).isEqualTo(Instant.parse("2027-01-31T17:00:00Z"));
		assertThat(round.quotas()).isEmpty();
	}

	@Test
	void shouldNameTheRoundAndFieldOfABadEdit() {
		assertThatIllegalStateException().isThrownBy(() -> RoundsFile.load(new StringReader("""
				zone: Asia/Bangkok
				rounds:
				  - id: round-3
				    number: 3
				    opens: 2027-01-10
				    lastDay: 31/01/2027
				"""))).withMessageContaining("Round 'round-3'").withMessageContaining("lastDay");
		assertThatIllegalStateException().isThrownBy(() -> RoundsFile.load(new StringReader("""
				zone: Asia/Bangkok
				rounds:
				  - id: round-3
				    number: 3
				    opens: 2027-01-10
				    lastDay: 2027-01-31
				    quota: {youth: 10}
				"""))).withMessageContaining("unknown field 'quota'");
		assertThatIllegalStateException().isThrownBy(() -> RoundsFile.load(new StringReader("""
				zone: Asia/Bangkok
				rounds:
				  - id: round-3
				    number: 3
				    opens: 2027-02-10
				    lastDay: 2027-01-31
				"""))).withMessageContaining("not before");
	}

}
