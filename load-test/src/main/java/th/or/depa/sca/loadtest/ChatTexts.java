package th.or.depa.sca.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What users type: questions from the FAQ evaluation set, greetings and thanks, each
 * varied the way people chat (particles, typos, emoji, names, numbers), so that most
 * texts of a run are unique and no cache of answers by text can flatter the bot. The
 * benchmarks measure the Thai path on the same texts.
 */
public final class ChatTexts {

	/** The FAQ evaluation set, relative to the repository root. */
	static final Path EVAL_SET = Path.of("templates", "src", "test", "resources", "faq", "eval.tsv");

	private static final String[] PARTICLES = { "ครับ", "ค่ะ", "คะ", "นะ", "จ้า", "อ่ะ", "นะคะ", "ครับผม", "คับ", "งับ",
			"ป่ะ", "เนอะ" };

	private static final String[] ENGLISH_TAILS = { " na", " krub", " ka", " pls", " thx", " ?", "??", " :)" };

	private static final String[] EMOJI = { "🙏", "😊", "🤔", "👍", "😅", "🥺", "😂", "✨", "🙂", "❤️", "😭", "🙏🙏",
			"🤗", "💯" };

	private static final String[] NAMES = { "สมชาย", "น้องมายด์", "พี่ต้น", "แพรว", "บอส", "มะปราง", "ณัฐวุฒิ", "กานต์",
			"ฟ้าใส", "ปลายฟ้า", "เจมส์", "ต้นข้าว", "ภูมิ", "ออมสิน" };

	private static final String[] NAME_FORMS = { "%sค่ะ ", "ผม%sนะครับ ", "หนู%sค่ะ ขอถามหน่อย ", "สวัสดีครับ ผม%s ",
			"%s ถามแทนเพื่อนค่ะ ", "ฝาก%sถามหน่อย ", "I'm %s, " };

	private static final NumberForm[] NUMBER_FORMS = { new NumberForm(" ปี %d", 2566, 2570),
			new NumberForm(" (ถามครั้งที่ %d)", 2, 9), new NumberForm(" อายุ %d", 15, 40),
			new NumberForm(" รุ่น %d", 1, 3), new NumberForm(" ตอนนี้ %d โมงแล้ว", 1, 12),
			new NumberForm(" เพื่อน %d คน", 2, 20), new NumberForm(" #%d", 1, 999) };

	// Thai digits, which some keyboards and older users type.
	private static final char THAI_ZERO = '\u0E50';

	private static final String[] PUNCTUATION = { "?", "??", "...", "!!", " ?", "?!", "~" };

	private static final String[] GREETINGS = { "สวัสดีครับ", "สวัสดีค่ะ", "หวัดดีค่ะ", "หวัดดีจ้า", "ดีจ้า",
			"สวัสดีตอนเช้าค่ะ", "hello", "hi", "Hello!", "hey", "good morning", "สวัสดีคร้าบ", "หวัดดีครับ" };

	private static final String[] THANKS = { "ขอบคุณครับ", "ขอบคุณค่ะ", "ขอบใจจ้า", "ขอบคุณมากครับ",
			"ขอบคุณมากๆ เลยค่ะ", "thx", "thanks!", "thank you", "ขอบคุณค้าบ", "ขอบคุณนะคะ", "ty", "thank you so much" };

	private final List<String> questions;

	ChatTexts(List<String> questions) {
		if (questions.isEmpty()) {
			throw new IllegalArgumentException("no texts to send");
		}
		this.questions = List.copyOf(questions);
	}

	/**
	 * The texts in {@code file}: the question column of the evaluation set's TSV, or one
	 * text per line; blank lines and lines starting with {@code #} are skipped.
	 */
	static ChatTexts load(Path file) throws IOException {
		List<String> texts = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String text = line;
			int tab = line.lastIndexOf('\t');
			if (tab >= 0) {
				// expected<TAB>style<TAB>question, with a header row.
				if (line.startsWith("expected\t")) {
					continue;
				}
				text = line.substring(tab + 1);
			}
			text = text.strip();
			if (!text.isEmpty()) {
				texts.add(text);
			}
		}
		if (texts.isEmpty()) {
			throw new IOException("no texts in " + file);
		}
		return new ChatTexts(texts);
	}

	/**
	 * The evaluation set, whether the generator runs from the repository root or from
	 * {@code load-test/}.
	 */
	static Optional<Path> findEvalSet() {
		for (Path candidate : List.of(EVAL_SET, Path.of("..").resolve(EVAL_SET))) {
			if (Files.isRegularFile(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	int questionCount() {
		return this.questions.size();
	}

	String question(SplittableRandom random) {
		String base = this.questions.get(random.nextInt(this.questions.size()));
		return vary(base, random, true);
	}

	String greeting(SplittableRandom random) {
		return vary(GREETINGS[random.nextInt(GREETINGS.length)], random, false);
	}

	String thanks(SplittableRandom random) {
		return vary(THANKS[random.nextInt(THANKS.length)], random, false);
	}

	/**
	 * Varies a text as people do; a question gets more (and more kinds of) changes than a
	 * short greeting, which people mostly dress up with emoji or a name.
	 */
	public static String vary(String base, SplittableRandom random, boolean question) {
		boolean thai = hasThai(base);
		String text = base;
		if (random.nextDouble() < (question ? 0.35 : 0.15)) {
			text = typo(text, random, thai);
		}
		if (random.nextDouble() < 0.15) {
			text = elongate(text);
		}
		if (random.nextDouble() < (question ? 0.5 : 0.3)) {
			text = thai ? withoutParticle(stripTrailing(text)) + pick(PARTICLES, random)
					: text + pick(ENGLISH_TAILS, random);
		}
		if (question && random.nextDouble() < 0.2) {
			NumberForm form = NUMBER_FORMS[random.nextInt(NUMBER_FORMS.length)];
			String number = Integer.toString(form.min() + random.nextInt(form.max() - form.min() + 1));
			text = text
					+ form.format().replace("%d", (thai && random.nextDouble() < 0.2) ? thaiDigits(number) : number);
		}
		if (random.nextDouble() < (question ? 0.2 : 0.35)) {
			String form = pick(NAME_FORMS, random);
			String name = pick(NAMES, random);
			text = question ? form.replace("%s", name) + text : text + " " + name;
		}
		if (random.nextDouble() < 0.3) {
			text = text + pick(PUNCTUATION, random);
		}
		if (random.nextDouble() < 0.3) {
			String emoji = pick(EMOJI, random);
			text = random.nextBoolean() ? text + " " + emoji : text + emoji;
		}
		if (random.nextDouble() < 0.1) {
			text = text.replace(" ", "");
		}
		return text;
	}

	/** Drops, doubles or swaps one letter; in Thai text only Thai letters. */
	private static String typo(String text, SplittableRandom random, boolean thai) {
		int[] cps = text.codePoints().toArray();
		List<Integer> letters = new ArrayList<>();
		for (int i = 0; i < cps.length; i++) {
			if (thai ? isThai(cps[i]) : Character.isLetter(cps[i])) {
				letters.add(i);
			}
		}
		if (letters.size() < 4) {
			return text;
		}
		int at = letters.get(random.nextInt(letters.size()));
		StringBuilder out = new StringBuilder(text.length() + 2);
		int kind = random.nextInt(3);
		for (int i = 0; i < cps.length; i++) {
			if (i == at && kind == 0) {
				continue;
			}
			if (i == at && kind == 2 && i + 1 < cps.length) {
				out.appendCodePoint(cps[i + 1]).appendCodePoint(cps[i]);
				i++;
				continue;
			}
			out.appendCodePoint(cps[i]);
			if (i == at && kind == 1) {
				out.appendCodePoint(cps[i]);
			}
		}
		return out.toString();
	}

	/** "มากกก", "ครับบบ": the last letter held. */
	private static String elongate(String text) {
		int end = text.length();
		while (end > 0 && !Character.isLetter(text.codePointBefore(end))) {
			end -= Character.charCount(text.codePointBefore(end));
		}
		if (end == 0) {
			return text;
		}
		String last = new String(Character.toChars(text.codePointBefore(end)));
		return text.substring(0, end) + last.repeat(2) + text.substring(end);
	}

	/** "ขอบคุณค่ะ" takes another particle as "ขอบคุณครับ", never "ขอบคุณค่ะครับ". */
	private static String withoutParticle(String text) {
		String longest = "";
		for (String particle : PARTICLES) {
			if (text.endsWith(particle) && particle.length() > longest.length()) {
				longest = particle;
			}
		}
		return text.substring(0, text.length() - longest.length());
	}

	private static String stripTrailing(String text) {
		int end = text.length();
		while (end > 0 && "?!. ".indexOf(text.charAt(end - 1)) >= 0) {
			end--;
		}
		return text.substring(0, end);
	}

	private static String thaiDigits(String digits) {
		StringBuilder out = new StringBuilder(digits.length());
		for (char c : digits.toCharArray()) {
			out.append((char) (THAI_ZERO + (c - '0')));
		}
		return out.toString();
	}

	private static String pick(String[] options, SplittableRandom random) {
		return options[random.nextInt(options.length)];
	}

	private static boolean hasThai(String text) {
		return text.codePoints().anyMatch(ChatTexts::isThai);
	}

	private static boolean isThai(int cp) {
		return cp >= 0x0E01 && cp <= 0x0E4E;
	}

	/**
	 * A number as people add it to a question.
	 *
	 * @param format the text around it, {@code %d} for the number
	 * @param min smallest value
	 * @param max largest value
	 */
	private record NumberForm(String format, int min, int max) {
	}

}
