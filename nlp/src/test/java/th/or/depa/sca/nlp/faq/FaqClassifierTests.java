package th.or.depa.sca.nlp.faq;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FaqClassifierTests {

	private static final List<String> LABELS = List.of("deadline", "deadline", "fees", "fees", FaqIndex.OFF_TOPIC,
			FaqIndex.OFF_TOPIC);

	private static final List<List<String>> EXAMPLES = List.of(List.of("ปิด", "รับสมัคร", "วัน"),
			List.of("สมัคร", "ได้", "ถึง", "เมื่อไหร่"), List.of("ค่า", "สมัคร"), List.of("เสีย", "เงิน", "ไหม"),
			List.of("ฝน", "ตก"), List.of("ร้าน", "กาแฟ"));

	@Test
	void shouldTellTheEntriesApartByTheWordsThatDiffer() {
		FaqClassifier classifier = FaqClassifier.train(LABELS, EXAMPLES);
		Map<String, Double> deadline = classifier.probabilities(List.of("สมัคร", "ถึง", "วัน"));
		assertThat(deadline.get("deadline")).isGreaterThan(deadline.get("fees"))
			.isGreaterThan(deadline.get(FaqIndex.OFF_TOPIC));
		Map<String, Double> fees = classifier.probabilities(List.of("ค่า", "สมัคร", "เงิน"));
		assertThat(fees.get("fees")).isGreaterThan(fees.get("deadline"));
	}

	@Test
	void shouldGiveTheOffTopicClassTheMessagesLikeItsOwn() {
		FaqClassifier classifier = FaqClassifier.train(LABELS, EXAMPLES);
		Map<String, Double> weather = classifier.probabilities(List.of("ฝน", "ตก", "ไหม"));
		assertThat(weather.get(FaqIndex.OFF_TOPIC)).isGreaterThan(weather.get("deadline"))
			.isGreaterThan(weather.get("fees"));
	}

	@Test
	void shouldCountForLittleWhenTheQuestionIsMostlyUnknownWords() {
		FaqClassifier classifier = FaqClassifier.train(LABELS, EXAMPLES);
		double known = classifier.probabilities(List.of("ปิด", "รับสมัคร", "วัน")).get("deadline");
		double mostlyUnknown = classifier.probabilities(List.of("ปิด", "ทะเล", "ภูเขา", "ดาวเทียม", "รถไฟ"))
			.get("deadline");
		assertThat(mostlyUnknown).isLessThan(known / 2);
		assertThat(classifier.probabilities(List.of("ดาวเทียม")).values()).allSatisfy((p) -> assertThat(p).isZero());
	}

	@Test
	void shouldTrainTheSameModelEveryTime() {
		List<String> question = List.of("สมัคร", "เงิน", "วัน");
		Map<String, Double> first = FaqClassifier.train(LABELS, EXAMPLES).probabilities(question);
		Map<String, Double> second = FaqClassifier.train(LABELS, EXAMPLES).probabilities(question);
		first.forEach((id, p) -> assertThat(second.get(id)).isCloseTo(p, within(0.0)));
	}

	@Test
	void shouldFindTheSameDistinctFeaturesThroughItsBitSetAsBySortingAndLeaveItClear() {
		Random random = new Random(11);
		long[] marks = new long[(5_000 >>> 6) + 1];
		for (int round = 0; round < 2_000; round++) {
			int count = random.nextInt(400);
			int[] indices = new int[count + random.nextInt(5)];
			int range = 1 + random.nextInt(5_000);
			for (int i = 0; i < indices.length; i++) {
				indices[i] = 1 + random.nextInt(range);
			}
			int[] expected = Arrays.stream(indices, 0, count).distinct().sorted().toArray();
			assertThat(FaqClassifier.distinct(indices, count, marks)).containsExactly(expected);
			assertThat(marks).containsOnly(0L);
		}
	}

}
