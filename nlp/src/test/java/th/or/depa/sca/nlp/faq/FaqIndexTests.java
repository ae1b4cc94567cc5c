package th.or.depa.sca.nlp.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import th.or.depa.sca.nlp.segment.ThaiAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FaqIndexTests {

	private static final ThaiAnalysis ANALYSIS = ThaiAnalysis.builder()
		.synonyms(List.of("พี่เลี้ยง", "mentor", "เมนเทอร์"))
		.synonyms(List.of("ค่าตอบแทน", "เงินเดือน", "เบี้ยเลี้ยง"))
		.build();

	private static final List<FaqDocument> FAQ = List.of(
			new FaqDocument("how-to-apply", List.of("สมัครยังไง", "สมัครที่ไหน", "อยากสมัครต้องทำอย่างไร"),
					List.of("สมัครได้ในแชทนี้ พิมพ์ว่า สมัคร")),
			new FaqDocument("deadline", List.of("ปิดรับสมัครวันไหน", "สมัครได้ถึงเมื่อไหร่"),
					List.of("เปิดรับสมัครถึงวันที่ 21 กรกฎาคม 2565")),
			new FaqDocument("city-apply", List.of("เทศบาลเข้าร่วมได้ไหม", "เมืองสมัครได้ไหม"),
					List.of("รุ่นที่ 2 รับ 150 เมือง")),
			new FaqDocument("mentors", List.of("ใครเป็นพี่เลี้ยง", "มีพี่เลี้ยงไหม"),
					List.of("Smart City Captain เป็นพี่เลี้ยง")),
			new FaqDocument("allowance", List.of("มีค่าตอบแทนไหม", "ได้เงินไหม"), List.of("ยังไม่ได้ประกาศ")));

	private final FaqIndex index = FaqIndex.build(FAQ, ANALYSIS, FaqSettings.DEFAULTS);

	@Test
	void shouldAnswerAQuestionWordedLikeAPhrasing() {
		assertThat(answer("ปิดรับสมัครวันไหนคะ")).isEqualTo("deadline");
		assertThat(answer("อยากสมัครต้องทำยังไงครับ")).isEqualTo("how-to-apply");
	}

	@Test
	void shouldReadSynonymsAsTheirCanonicalWord() {
		assertThat(answer("มี mentor ไหม")).isEqualTo("mentors");
		assertThat(answer("มีเบี้ยเลี้ยงไหม")).isEqualTo("allowance");
	}

	@Test
	void shouldForgiveAMissingLetterInAKnownWord() {
		// "สมัค" for "สมัคร": one edit from a word the FAQ has.
		assertThat(this.index.ask("ปิดรับสมัควันไหน")).isInstanceOf(FaqResult.Answer.class);
		assertThat(answer("ปิดรับสมัควันไหน")).isEqualTo("deadline");
	}

	@Test
	void shouldMendAMisspelledWordTheTokenizerCutInTwo() {
		// A missing tone mark: "พี่เลียง" is cut as "พี่" + "เลียง"; glued back it is one
		// edit
		// from "พี่เลี้ยง".
		assertThat(answer("ใครเป็นพี่เลียง")).isEqualTo("mentors");
		// A wrong final consonant on a synonym: "เบี้ยเลียง" is read as its canonical
		// word.
		assertThat(answer("มีเบี้ยเลียงไหม")).isEqualTo("allowance");
	}

	@Test
	void shouldTreatANumberTheFaqLacksAsADetailNotAnotherSubject() {
		double plain = this.index.ask("ปิดรับสมัครวันไหน").ranked().get(0).confidence();
		double dated = this.index.ask("ปิดรับสมัครวันไหน 2567").ranked().get(0).confidence();
		double other = this.index.ask("ปิดรับสมัครวันไหน พัทยา").ranked().get(0).confidence();
		// The year costs a little confidence; an unknown word (another subject) costs
		// much more.
		assertThat(dated).isGreaterThan(plain * 0.85).isLessThan(plain);
		assertThat(other).isLessThan(plain * 0.75);
	}

	@Test
	void shouldAnswerTheQuestionInsideALongMessage() {
		String message = "สวัสดีครับแอดมิน ผมชื่อต้นนะครับ ตอนนี้ทำงานอยู่ชลบุรี แต่บ้านเกิดอยู่สุรินทร์ "
				+ "อยากกลับไปทำงานที่บ้าน เพิ่งเห็นโพสต์ในเฟซบุ๊กเมื่อวาน อยากทราบว่า ปิดรับสมัครวันไหนครับ";
		assertThat(answer(message)).isEqualTo("deadline");
	}

	@Test
	void shouldAnswerBothQuestionsOfAMessageThatAsksTwo() {
		String message = "สวัสดีค่ะ หนูเป็นนักศึกษาปีสุดท้ายอยู่ที่ขอนแก่นค่ะ สนใจโครงการนี้มากเลย "
				+ "ปิดรับสมัครวันไหนคะ แล้วมีค่าตอบแทนไหมคะ";
		assertThat(this.index.askAll(message)).extracting((found) -> found.match().id())
			.containsExactly("deadline", "allowance");
		assertThat(this.index.read(message).best()).isInstanceOf(FaqResult.Answer.class);
		assertThat(this.index.askAll("ปิดรับสมัครวันไหนคะ")).extracting((found) -> found.match().id())
			.containsExactly("deadline");
		assertThat(this.index.askAll("พรุ่งนี้ฝนจะตกไหม")).isEmpty();
	}

	@Test
	void shouldAnswerBothQuestionsOfAShortMessage() {
		assertThat(this.index.askAll("ปิดรับสมัครวันไหน มีค่าตอบแทนไหม")).extracting((found) -> found.match().id())
			.containsExactly("deadline", "allowance");
	}

	@Test
	void shouldNotAnswerAQuestionAskedAgainInOtherWordsTwice() {
		// The second clause fits the mentors entry too: it asks the same thing again.
		assertThat(this.index.askAll("ถ้าเข้าโครงการจะมีพี่เลี้ยงไหมครับ ใครเป็นพี่เลี้ยง"))
			.extracting((found) -> found.match().id())
			.containsExactly("mentors");
	}

	@Test
	void shouldWeighLessAnEntryThatNeverAnswersWhatTheQuestionAsksFor() {
		// The mentors entry says who; none of its phrasings asks where.
		FaqResult who = this.index.ask("ใครเป็นพี่เลี้ยง");
		assertThat(who).isInstanceOf(FaqResult.Answer.class);
		double whereConfidence = confidence(this.index.ask("พี่เลี้ยงอยู่ที่ไหน"), "mentors");
		double bareConfidence = confidence(this.index.ask("พี่เลี้ยง"), "mentors");
		assertThat(whereConfidence).isLessThan(bareConfidence * 0.75);
	}

	@Test
	void shouldTakeTheKindsAnEntryDeclaresItsAnswerGivesOverThoseItsPhrasingsAsk() {
		// A phrasing asks who won; the answer gives only how many, as declared.
		List<FaqDocument> derived = List.of(
				new FaqDocument("round1", List.of("รุ่นแรกมีกี่คน", "ใครได้รางวัลบ้าง"),
						List.of("22 คน 7 คนได้รางวัล")),
				new FaqDocument("mentors", List.of("ใครเป็นพี่เลี้ยง"), List.of("Smart City Captain")));
		List<FaqDocument> declared = List.of(new FaqDocument("round1", List.of("รุ่นแรกมีกี่คน", "ใครได้รางวัลบ้าง"),
				List.of("22 คน 7 คนได้รางวัล"), List.of("amount")), derived.get(1));
		String who = "ใครเป็นประธานมอบรางวัลรุ่นแรก";
		double asDerived = confidence(FaqIndex.build(derived, ANALYSIS, FaqSettings.DEFAULTS).ask(who), "round1");
		double asDeclared = confidence(FaqIndex.build(declared, ANALYSIS, FaqSettings.DEFAULTS).ask(who), "round1");
		assertThat(asDeclared).isLessThan(asDerived * 0.75);
		// What it does answer is unchanged.
		assertThat(FaqIndex.build(declared, ANALYSIS, FaqSettings.DEFAULTS).ask("รุ่นแรกมีกี่คน"))
			.isInstanceOf(FaqResult.Answer.class);
	}

	@Test
	void shouldWeighLessAnEntryThatDoesNotNameThePeopleTheQuestionIsAbout() {
		// The mentors entry names the mentors; the allowance is the ambassadors' own.
		List<FaqDocument> faq = List.of(FAQ.get(0), FAQ.get(4),
				new FaqDocument("mentors", List.of("ใครเป็นพี่เลี้ยง", "มีพี่เลี้ยงไหม"),
						List.of("Smart City Captain เป็นพี่เลี้ยง"), null, null, List.of("เมนเทอร์")));
		FaqIndex named = FaqIndex.build(faq, ANALYSIS, FaqSettings.DEFAULTS);
		FaqIndex unnamed = FaqIndex.build(List.of(FAQ.get(0), FAQ.get(3), FAQ.get(4)), ANALYSIS, FaqSettings.DEFAULTS);
		String mentorsPay = "พี่เลี้ยงได้เงินเดือนไหม";
		assertThat(confidence(named.ask(mentorsPay), "allowance"))
			.isLessThan(confidence(unnamed.ask(mentorsPay), "allowance") * 0.75);
		// The ambassadors' own allowance is answered as before.
		assertThat(named.ask("ได้เงินเดือนไหม")).isInstanceOfSatisfying(FaqResult.Answer.class,
				(answer) -> assertThat(answer.match().id()).isEqualTo("allowance"));
		assertThat(named.ask("ใครเป็นพี่เลี้ยง")).isInstanceOfSatisfying(FaqResult.Answer.class,
				(answer) -> assertThat(answer.match().id()).isEqualTo("mentors"));
	}

	@Test
	void shouldWeighLessAnEntryThatNeverSpeaksOfWhatTheQuestionAsksWhetherThereIs() {
		List<FaqDocument> faq = List.of(FAQ.get(0), FAQ.get(4), new FaqDocument("bootcamp",
				List.of("บูทแคมป์สอนอะไร", "บูทแคมป์เรียนอะไรบ้าง"), List.of("บูทแคมป์มีทั้งออนไลน์และออนไซต์")));
		FaqIndex index = FaqIndex.build(faq, ANALYSIS, FaqSettings.DEFAULTS);
		assertThat(confidence(index.ask("บูทแคมป์มีบุฟเฟต์ไหม"), "bootcamp"))
			.isLessThan(confidence(index.ask("บูทแคมป์บุฟเฟต์"), "bootcamp") * 0.75);
		// What its answer speaks of is answered.
		assertThat(index.ask("บูทแคมป์มีออนไลน์ไหม")).isInstanceOfSatisfying(FaqResult.Answer.class,
				(answer) -> assertThat(answer.match().id()).isEqualTo("bootcamp"));
	}

	@Test
	void shouldRejectAnAnswerKindItDoesNotKnow() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FaqDocument("round1", List.of("รุ่นแรกมีกี่คน"), List.of(), List.of("colour")))
			.withMessageContaining("round1")
			.withMessageContaining("colour");
		assertThat(FaqDocument.KINDS).containsExactlyElementsOf(java.util.Arrays.stream(Asks.values())
			.map((kind) -> kind.name().toLowerCase(java.util.Locale.ROOT))
			.toList());
	}

	@Test
	void shouldNotPickOneOfTwoEntriesThatFitAlike() {
		// Two entries with the same phrasing: a coin toss, not an answer.
		List<FaqDocument> twins = List.of(new FaqDocument("a", List.of("ข้อมูลโครงการล่าสุด")),
				new FaqDocument("b", List.of("ข้อมูลโครงการล่าสุด")), FAQ.get(0), FAQ.get(1));
		FaqResult result = FaqIndex.build(twins, ANALYSIS, FaqSettings.DEFAULTS).ask("ข้อมูลโครงการล่าสุดหน่อย");
		assertThat(result).isNotInstanceOf(FaqResult.Answer.class);
		assertThat(result).isInstanceOf(FaqResult.Unsure.class);
		assertThat(((FaqResult.Unsure) result).closest()).extracting(FaqMatch::id).containsExactlyInAnyOrder("a", "b");
		// One that fits better than the other is answered.
		assertThat(FaqIndex.build(twins, ANALYSIS, FaqSettings.DEFAULTS).ask("ปิดรับสมัครวันไหนคะ"))
			.isInstanceOf(FaqResult.Answer.class);
	}

	@Test
	void shouldReadAClauseThatFitsTwoEntriesAlikeInItsMessage() {
		List<FaqDocument> faq = List.of(new FaqDocument("round1-count", List.of("รุ่นแรกมีกี่คน")),
				new FaqDocument("round1-work", List.of("ผลงานรุ่นแรกเป็นยังไง", "ข้อมูลล่าสุดเป็นยังไง")),
				new FaqDocument("news", List.of("ข้อมูลล่าสุดเป็นยังไง", "ข่าวโครงการล่าสุด")), FAQ.get(0), FAQ.get(1));
		FaqIndex index = FaqIndex.build(faq, ANALYSIS, FaqSettings.DEFAULTS);
		// On its own the clause is a tie; its message is about round 1.
		assertThat(index.ask("ข้อมูลล่าสุดเป็นยังไง")).isInstanceOf(FaqResult.Unsure.class);
		assertThat(index.askAll("รุ่นแรกมีกี่คนคะ แล้วข้อมูลล่าสุดเป็นยังไงคะ"))
			.extracting((answer) -> answer.match().id())
			.contains("round1-work")
			.doesNotContain("news");
	}

	@Test
	void shouldReadAnAskingPhraseAboutTheRoundItsClauseNames() {
		List<FaqDocument> faq = List.of(new FaqDocument("round2-dates",
				List.of("เปิดรับสมัครเมื่อไหร่", "ปิดรับสมัครวันไหน"), List.of(), null, 2), FAQ.get(0), FAQ.get(2));
		FaqIndex index = FaqIndex.build(faq, ANALYSIS, FaqSettings.DEFAULTS);
		assertThat(index.ask("เปิดรับสมัครเมื่อไหร่คะ")).isInstanceOf(FaqResult.Answer.class);
		// Round 2's dates do not answer when round 3 opens, even when the asking
		// phrase is read without the round before it.
		assertThat(index.ask("รุ่น 3 เปิดรับสมัครเมื่อไหร่คะ ขอบคุณค่ะ")).isNotInstanceOf(FaqResult.Answer.class);
	}

	@Test
	void shouldNotAnswerAMessageOnAPhraseOfCommonWords() {
		List<FaqDocument> faq = List.of(new FaqDocument("still-open", List.of("ยังเปิดรับอยู่ไหม", "ยังทันไหม")),
				new FaqDocument("fees", List.of("ยังต้องจ่ายค่าสมัครไหม", "ค่าสมัครเท่าไหร่")),
				new FaqDocument("results", List.of("ยังไม่ประกาศผลเหรอ", "ประกาศผลวันไหน")),
				new FaqDocument("city", List.of("เทศบาลยังเข้าร่วมได้ไหม", "เมืองสมัครได้ไหม")), FAQ.get(0));
		FaqIndex index = FaqIndex.build(faq, ANALYSIS, FaqSettings.DEFAULTS);
		assertThat(index.ask("ยังเปิดรับอยู่ไหมคะ")).isInstanceOf(FaqResult.Answer.class);
		// "ยังเป็น" (still is) read alone fits the first entry on "ยัง" only.
		assertThat(index.ask("ผศ.ดร.ณัฐพล ยังเป็น ผอ.ใหญ่ อยู่ไหม")).isNotInstanceOf(FaqResult.Answer.class);
	}

	private static double confidence(FaqResult result, String id) {
		return result.ranked().stream().filter((match) -> match.id().equals(id)).findFirst().orElseThrow().confidence();
	}

	@Test
	void shouldDeclineAQuestionAboutSomethingElse() {
		assertThat(this.index.ask("พรุ่งนี้ฝนจะตกไหม")).isInstanceOf(FaqResult.NoMatch.class);
		assertThat(this.index.ask("ร้านกาแฟแถวนี้เปิดกี่โมง")).isInstanceOf(FaqResult.NoMatch.class);
	}

	@Test
	void shouldOfferTheClosestTopicsWhenOnlyPartOfTheQuestionMatches() {
		FaqResult result = this.index.ask("สมัครสอบราชการภาค ก ต้องเตรียมหนังสืออะไรบ้าง");
		assertThat(result).isNotInstanceOf(FaqResult.Answer.class);
		if (result instanceof FaqResult.Unsure unsure) {
			assertThat(unsure.closest()).extracting(FaqMatch::id).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(3);
		}
	}

	@Test
	void shouldDeclineAQuestionClosestToTheOffTopicList() {
		String question = "สอบ ก.พ. ปิดรับสมัครถึงวันไหน";
		assertThat(this.index.ask(question)).isInstanceOf(FaqResult.Answer.class);
		List<FaqDocument> withOffTopic = new ArrayList<>(FAQ);
		withOffTopic.add(new FaqDocument(FaqIndex.OFF_TOPIC,
				List.of("สอบ ก.พ. เปิดรับสมัครวันไหน", "สมัครสอบราชการได้ถึงเมื่อไหร่"), List.of()));
		FaqIndex declining = FaqIndex.build(withOffTopic, ANALYSIS, FaqSettings.DEFAULTS);
		FaqResult result = declining.ask(question);
		assertThat(result).isInstanceOf(FaqResult.NoMatch.class);
		assertThat(result.ranked()).extracting(FaqMatch::id).doesNotContain(FaqIndex.OFF_TOPIC).contains("deadline");
		assertThat(declining.ask("ปิดรับสมัครวันไหน")).isInstanceOf(FaqResult.Answer.class);
	}

	@Test
	void shouldNotAnswerAnEmptyOrParticleOnlyQuestion() {
		assertThat(this.index.ask("")).isInstanceOf(FaqResult.NoMatch.class);
		assertThat(this.index.ask("ครับ ค่ะ")).isInstanceOf(FaqResult.NoMatch.class);
	}

	@Test
	void shouldRankFirstTheEntryWhosePhrasingsUseTheWordMost() {
		// Both entries have the same words; one uses "สมัคร" in every phrasing, the other
		// "โครงการ".
		FaqIndex index = FaqIndex
			.build(List.of(new FaqDocument("apply", List.of("สมัครโครงการ", "สมัครยังไง", "สมัครที่ไหน"), List.of()),
					new FaqDocument("program", List.of("สมัครโครงการ", "โครงการยังไง", "โครงการที่ไหน"), List.of())),
					ANALYSIS, FaqSettings.DEFAULTS);
		assertThat(index.ask("สมัคร").ranked().get(0).id()).isEqualTo("apply");
		assertThat(index.ask("โครงการ").ranked().get(0).id()).isEqualTo("program");
	}

	@Test
	void shouldRankEachEntryOnceBestFirst() {
		List<FaqMatch> ranked = this.index.ask("สมัครได้ถึงวันไหน").ranked();
		assertThat(ranked).extracting(FaqMatch::id).doesNotHaveDuplicates().startsWith("deadline");
		assertThat(ranked).extracting(FaqMatch::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
	}

	@Test
	void shouldRejectTwoEntriesWithOneId() {
		List<FaqDocument> twice = List.of(FAQ.get(0), FAQ.get(0));
		assertThatIllegalArgumentException().isThrownBy(() -> FaqIndex.build(twice, ANALYSIS, FaqSettings.DEFAULTS))
			.withMessageContaining("how-to-apply");
	}

	@Test
	void shouldRejectAPhrasingWithNoWordsLeft() {
		List<FaqDocument> empty = List.of(new FaqDocument("x", List.of("ครับ"), List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> FaqIndex.build(empty, ANALYSIS, FaqSettings.DEFAULTS))
			.withMessageContaining("no words left");
	}

	@Test
	void shouldAnswerTheSameFromManyThreads() throws Exception {
		List<String> questions = List.of("ปิดรับสมัครวันไหน", "สมัครยังไง", "มีพี่เลี้ยงไหม", "เทศบาลเข้าร่วมได้ไหม");
		List<String> expected = questions.stream().map(this::answer).toList();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<String>>> runs = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				runs.add(pool.submit(() -> questions.stream().map(this::answer).toList()));
			}
			for (Future<List<String>> run : runs) {
				assertThat(run.get()).isEqualTo(expected);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private String answer(String question) {
		FaqResult result = this.index.ask(question);
		return (result instanceof FaqResult.Answer answer) ? answer.match().id() : result.getClass().getSimpleName();
	}

}
