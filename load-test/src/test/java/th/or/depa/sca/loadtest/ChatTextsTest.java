package th.or.depa.sca.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ChatTextsTest {

	@Test
	void theEvaluationSetIsFoundAndItsQuestionColumnRead() throws Exception {
		Path evalSet = ChatTexts.findEvalSet().orElseThrow();

		ChatTexts texts = ChatTexts.load(evalSet);

		// Every row below the comment lines and the header.
		long rows = java.nio.file.Files.readAllLines(evalSet)
			.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.count() - 1;
		assertThat(rows).isGreaterThanOrEqualTo(230);
		assertThat(texts.questionCount()).isEqualTo(rows);
	}

	@Test
	void aPlainFileHasOneTextPerLine(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("texts.txt"), "# mine\nสมัครยังไง\n\n  hello  \n");

		assertThat(ChatTexts.load(file).questionCount()).isEqualTo(2);
	}

	@Test
	void mostTextsOfARunAreUniqueAndTheSeedMakesThemRepeatable() throws Exception {
		ChatTexts texts = ChatTexts.load(ChatTexts.findEvalSet().orElseThrow());
		List<String> run = texts(new WebhookEvents(1000, texts, TrafficMix.DEFAULT, 42), 10_000);

		Set<String> unique = new HashSet<>(run);

		// 86 % of the default mix is texts of their own (questions, greetings, thanks).
		assertThat(run).hasSizeGreaterThan(8_300);
		assertThat((double) unique.size() / run.size()).isGreaterThanOrEqualTo(0.5);
		assertThat(texts(new WebhookEvents(1000, texts, TrafficMix.DEFAULT, 42), 10_000)).isEqualTo(run);
		assertThat(texts(new WebhookEvents(1000, texts, TrafficMix.DEFAULT, 43), 10_000)).isNotEqualTo(run);
	}

	@Test
	void textsAreVariedTheWayPeopleChat() throws Exception {
		ChatTexts texts = ChatTexts.load(ChatTexts.findEvalSet().orElseThrow());
		List<String> run = texts(new WebhookEvents(1000, texts, TrafficMix.DEFAULT, 42), 10_000);

		assertThat(run).anyMatch((text) -> text.matches(".*(ครับ|ค่ะ|คะ|นะ|จ้า|อ่ะ)$"))
			.anyMatch((text) -> text.codePoints().anyMatch((cp) -> Character.getType(cp) == Character.OTHER_SYMBOL))
			.anyMatch((text) -> text.contains("สมชาย") || text.contains("น้องมายด์"))
			.anyMatch((text) -> text.matches(".*\\d.*"))
			.anyMatch((text) -> text.startsWith("สวัสดี") || text.startsWith("หวัดดี"))
			.anyMatch((text) -> text.startsWith("ขอบคุณ") || text.startsWith("ขอบใจ"));
	}

	@Test
	void aTypoDropsDoublesOrSwapsALetter() {
		String base = "โครงการนี้คืออะไร";
		Set<String> typos = new HashSet<>();
		for (int seed = 0; seed < 500; seed++) {
			String varied = ChatTexts.vary(base, new java.util.SplittableRandom(seed), true);
			if (!varied.contains(base) && !varied.replace(" ", "").contains(base)) {
				typos.add(varied);
			}
		}

		assertThat(typos).isNotEmpty();
		assertThat(ChatTexts.vary(base, new java.util.SplittableRandom(1), true))
			.isEqualTo(ChatTexts.vary(base, new java.util.SplittableRandom(1), true));
	}

	private static List<String> texts(WebhookEvents events, int count) {
		List<String> texts = new ArrayList<>();
		for (long seq = 0; seq < count; seq++) {
			String text = events.text(seq);
			if (text != null) {
				texts.add(text);
			}
		}
		return texts;
	}

}
