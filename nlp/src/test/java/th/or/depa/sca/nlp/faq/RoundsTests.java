package th.or.depa.sca.nlp.faq;

import java.util.List;

import org.junit.jupiter.api.Test;
import th.or.depa.sca.nlp.segment.ThaiAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class RoundsTests {

	@Test
	void shouldReadWhichRoundAQuestionNames() {
		assertThat(Rounds.in("รุ่นแรกมีกี่เมืองที่เข้าร่วมครับ")).containsExactly(1);
		assertThat(Rounds.in("รุ่นที่ 1 ได้เกียรติบัตรวันไหน")).containsExactly(1);
		assertThat(Rounds.in("how many cities joined round 1")).containsExactly(1);
		assertThat(Rounds.in("first batch results?")).containsExactly(1);
		assertThat(Rounds.in("รุ่น 2 รับกี่คน")).containsExactly(2);
		assertThat(Rounds.in("รอบนี้รับกี่คนครับ")).containsExactly(2);
		assertThat(Rounds.in("How many people are you taking in round 2?")).containsExactly(2);
		assertThat(Rounds.in("รุ่นแรกมีกี่คน แล้วรุ่น 2 รับกี่คน")).containsExactly(1, 2);
		// Rounds after the second, which no entry is about.
		assertThat(Rounds.in("รุ่นที่ 3 จะรับกี่คนครับ")).containsExactly(Rounds.LATER_ROUND);
		assertThat(Rounds.in("รุ่นหน้าเปิดเมื่อไหร่")).containsExactly(Rounds.LATER_ROUND);
		assertThat(Rounds.in("when does the next round open?")).containsExactly(Rounds.LATER_ROUND);
		assertThat(Rounds.in("รุ่น 30 ของคณะ")).isEmpty();
	}

	@Test
	void shouldNameNoRoundForAQuestionThatNamesNone() {
		assertThat(Rounds.in("สมัครยังไงคะ")).isEmpty();
		assertThat(Rounds.in("รุ่น 12 ของมหาลัย")).isEmpty();
		assertThat(Rounds.in("how do i apply")).isEmpty();
	}

	@Test
	void shouldWeighLessAnEntryAboutAnotherRound() {
		ThaiAnalysis analysis = ThaiAnalysis.builder().build();
		List<FaqDocument> plain = List.of(
				new FaqDocument("round2-quota", List.of("รุ่น 2 รับกี่เมือง", "รับเมืองกี่เมือง"),
						List.of("150 เมือง")),
				new FaqDocument("round1-results", List.of("รุ่นแรกมีกี่คน"), List.of("22 คน")),
				new FaqDocument("how-to-apply", List.of("สมัครยังไง")));
		List<FaqDocument> withRounds = List.of(
				new FaqDocument("round2-quota", List.of("รุ่น 2 รับกี่เมือง", "รับเมืองกี่เมือง"), List.of("150 เมือง"),
						null, 2),
				new FaqDocument("round1-results", List.of("รุ่นแรกมีกี่คน"), List.of("22 คน"), null, 1), plain.get(2));
		String aboutRound1 = "รุ่นแรกรับเมืองกี่เมือง";
		double unmarked = confidence(FaqIndex.build(plain, analysis, FaqSettings.DEFAULTS).ask(aboutRound1),
				"round2-quota");
		FaqIndex marked = FaqIndex.build(withRounds, analysis, FaqSettings.DEFAULTS);
		assertThat(confidence(marked.ask(aboutRound1), "round2-quota")).isLessThan(unmarked * 0.75);
		// A question about its own round, or about none, is unchanged.
		assertThat(confidence(marked.ask("รุ่น 2 รับเมืองกี่เมือง"), "round2-quota")).isEqualTo(confidence(
				FaqIndex.build(plain, analysis, FaqSettings.DEFAULTS).ask("รุ่น 2 รับเมืองกี่เมือง"), "round2-quota"));
	}

	private static double confidence(FaqResult result, String id) {
		return result.ranked().stream().filter((match) -> match.id().equals(id)).findFirst().orElseThrow().confidence();
	}

}
