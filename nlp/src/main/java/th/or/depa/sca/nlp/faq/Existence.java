package th.or.depa.sca.nlp.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question asks whether there is: "บูทแคมป์มีบุฟเฟต์ไหม" asks whether there is a
 * buffet, "is there a LINE sticker set for ambassadors" whether there is a sticker set.
 * An entry whose phrasings and answer never speak of that thing does not answer the
 * question, however much else the two share: the boot camp's entry says what it teaches,
 * not whether lunch is served. The same holds for what one applies to be or for
 * ("สมัครเป็นอสม.", "สมัครงาน", "apply for a work visa") and what one asks to be given or
 * shown ("ขอดูรูปหน่อย", "send me the slides").
 */
final class Existence {

	/**
	 * "มี … ไหม" and its chat forms, not after "ไม่" ("ไม่มีวุฒิสมัครได้ไหม" asks whether
	 * one may apply): the thing is what lies between, a few words at most.
	 */
	private static final Pattern THAI = Pattern.compile("(?<!ไม่)(?<!ไม่\\s)มี\\s*(.{1,40}?)\\s*(?:ด้วย|บ้าง|ให้)?\\s*"
			+ "(?:ไหม|มั้ย|มั๊ย|มัย|หรือเปล่า|รึเปล่า|หรือป่าว|รึป่าว|ป่ะ|ปะ|ป่าว|หรือไม่|ไม)");

	/**
	 * "is there a …", "are there any …": the thing runs to a preposition, a mark or the
	 * end.
	 */
	private static final Pattern ENGLISH = Pattern.compile("\\b(?:is|are)\\s+there\\s+(?:(?:a|an|any|some)\\s+)?"
			+ "(?!(?:to|for|in|at|of|on)\\b)([a-z][a-z' -]{0,40}?)\\s*(?:\\b(?:for|in|at|of|during|to|with|on|if|when|after|before|from|that|or)\\b|[?.!,]|$)");

	/**
	 * What one applies to be or for: "สมัครเป็นอสม.", "apply for a work visa", "register
	 * my car". The thing is the first word after it (in Thai the text a few letters on,
	 * of which the first word counts).
	 */
	private static final Pattern APPLYING_THAI = Pattern.compile("สมัครเป็น\\s*(.{1,10})");

	private static final Pattern APPLYING_ENGLISH = Pattern
		.compile("\\b(?:apply(?:ing)?\\s+(?:for|to\\s+be(?:come)?|as)|register(?:ing)?\\s+(?:my|a|an|the|our|as))\\s+"
				+ "(?:(?:a|an|the|my|our)\\s+)?(?:[a-z]+\\s+(?!(?:in|at|on|for|to|by|with|from|before|after|and|or|if|when"
				+ "|online|now|yet|here|there)\\b))?([a-z]+)");

	/**
	 * Applying for something else, which Thai writes as one word: a job, an exam, a
	 * school, a membership ("ปิดรับสมัครงานดีป้าวันไหน", "ค่าสมัครสอบ TOEIC").
	 */
	private static final Pattern APPLYING_ELSE = Pattern.compile("สมัคร(?:งาน|สอบ|เรียน|สมาชิก)");

	/**
	 * What one asks to be given or shown: "ขอดูรูปพิธีหน่อย", "ขอสไลด์หน่อย", "can u send
	 * me the slides". Not "ขอบคุณ", "ขอโทษ", "ขออนุญาต", "ขอให้", nor the words that
	 * announce a question ("ขอทราบ", "ขอถาม", "ขอข้อมูล", "ขอสอบถาม").
	 */
	private static final Pattern REQUEST_THAI = Pattern
		.compile("ขอ(?:ดู)?(?!บ|ง|โทษ|อนุญาต|ให้|ทราบ|ถาม|ข้อมูล|สอบถาม|รบกวน|คำ|ตัว|เสนอ|ความ)\\s*(.{1,10})");

	private static final Pattern REQUEST_ENGLISH = Pattern
		.compile("\\b(?:send\\s+(?:me|us)|(?:can|could|may)\\s+(?:i|we|u|you)\\s+(?:see|get|have))\\s+"
				+ "(?:(?:a|an|the|some|any|your)\\s+)?([a-z]+)");

	private Existence() {
	}

	/** The things a question asks whether there are, or to apply for; empty for none. */
	static List<Thing> in(String text) {
		List<Thing> things = new ArrayList<>(1);
		if (text.contains("มี")) {
			find(THAI, text, 1, false, things);
		}
		if (text.contains("สมัคร")) {
			find(APPLYING_ELSE, text, 0, false, things);
			find(APPLYING_THAI, text, 1, true, things);
		}
		if (text.contains("ขอ")) {
			find(REQUEST_THAI, text, 1, true, things);
		}
		String lower = text.toLowerCase(Locale.ROOT);
		if (lower.contains("send") || lower.contains("can") || lower.contains("could") || lower.contains("may")) {
			find(REQUEST_ENGLISH, lower, 1, true, things);
		}
		if (lower.contains("there")) {
			find(ENGLISH, lower, 1, false, things);
		}
		if (lower.contains("apply") || lower.contains("regist")) {
			find(APPLYING_ENGLISH, lower, 1, true, things);
		}
		return things;
	}

	/** Each match's group, in order, as a thing. */
	private static void find(Pattern pattern, String text, int group, boolean firstWord, List<Thing> things) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			things.add(new Thing(matcher.group(group), firstWord));
		}
	}

	/**
	 * A thing asked after.
	 *
	 * @param text its text
	 * @param firstWord whether only its first word names it (the rest is the question
	 * going on)
	 */
	record Thing(String text, boolean firstWord) {
	}

}
