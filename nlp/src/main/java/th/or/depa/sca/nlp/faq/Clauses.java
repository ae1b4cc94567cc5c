package th.or.depa.sca.nlp.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Splits a chat message into clauses and keeps the ones that ask something, so that a
 * long message (a greeting, a self-introduction, a story about one's home town, then the
 * question) is answered on its question rather than on all its words.
 * <p>
 * Thai has no sentence punctuation to speak of: a clause ends where a polite particle
 * (ครับ, ค่ะ, คะ, นะ, จ้า …) is followed by a space, at a question or exclamation mark,
 * or where ICU's sentence break iterator ends an English sentence. A clause asks
 * something when it has a question word (ไหม, ยังไง, เมื่อไหร่, กี่, ใคร, what, how …) or
 * a question mark; greetings and self-introductions have none and drop out.
 */
final class Clauses {

	// A splitting pattern whose matches begin with a space (or comma) starts with a
	// lookahead of it, so that its lookbehinds and alternatives are tried only there; the
	// question words are searched from their first letters (Prefiltered).

	/** A particle that ends a clause when a space follows it. */
	private static final Pattern PARTICLE_END = Pattern
		.compile("(?= )(?<=ครับผม|ครับ|คร้าบ|คับ|ค้าบ|ค่ะ|คะ|ค่า|คร่า|นะคะ|นะครับ|จ้ะ|จ้า|จ๊ะ|ฮะ|ฮับ)[ ]+");

	/**
	 * A particle that ends a clause with the next one glued on
	 * ("ใครสมัครได้บ้างคะเสียเงินไหมคะ"): ครับ, ค่ะ, คะ before Thai text, but not ครับผม,
	 * คะแนน, คะนอง, คะเน.
	 */
	private static final Pattern PARTICLE_GLUED = Pattern
		.compile("(?<=ครับ|ค่ะ|คะ)(?=\\p{IsThai})(?!ผม|แนน|นอง|เน|ค่ะ|คะ|ครับ)");

	/** The last letters of the particles {@link #PARTICLE_GLUED} splits after. */
	private static final String PARTICLE_GLUED_LETTERS = "บะ";

	/**
	 * Marks and line breaks that end a clause, and the number of a listed question ("1) …
	 * 2) …", "1. … 2. …").
	 */
	private static final Pattern MARK_END = Pattern
		.compile("(?<=[?？!！])\\s*|\\s*[\\n\\r]+\\s*|(?=\\s)(?<=[A-Za-z0-9][.])\\s+|\\s+(?=[1-9][).]\\s)");

	/**
	 * What every match of {@link #MARK_END} has: a mark, a line break, a full stop or a
	 * listed number's bracket.
	 */
	private static final String MARK_LETTERS = "?？!！\n\r.)";

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/** How a clause that only offers another answer to the one before starts. */
	private static final Pattern ALTERNATIVE = Pattern.compile("(?i)หรือ|or\\b");

	/** A clause that goes on to another question: "แล้วกี่ปี", "also how long". */
	private static final Pattern NEXT = Pattern
		.compile("(?i)\\s*(?:แล้ว(?:ก็)?|และ|ส่วน|อีกอย่าง|อีกเรื่อง|also\\b|and\\b|btw\\b|plus\\b)");

	/** Thai question words that a later "บ้าง" can close: who, what, which, where. */
	private static final Pattern WH_WORD = Pattern.compile("ใคร|อะไร|ไหน");

	/** Where a Thai clause's phrases meet: a space. */
	private static final Pattern THAI_PHRASES = Pattern.compile(" ");

	/** A space beside Thai text: "smart city" inside a Thai clause stays one phrase. */
	private static final Pattern THAI_SPACE = Pattern.compile("(?= )(?<=\\p{IsThai}) +| +(?=\\p{IsThai})");

	/** "… and when …": where an English sentence goes on to a second question. */
	private static final Pattern ENGLISH_NEXT_QUESTION = Pattern.compile(
			"(?i)(?=[\\s,])\\s*,?\\s+(?:and|also|plus|n|&)\\s+(?=(?:also\\s+|btw\\s+|by\\s+the\\s+way\\s+)?(?:how|what|whats|when|where|who|which|why|whether|is|are|do|does|can|will|should)\\b)");

	/** Where an English sentence's parts meet: a comma or a semicolon. */
	private static final Pattern ENGLISH_PHRASES = Pattern.compile("\\s*[,;]\\s*");

	private static final Pattern THAI_LETTER = Pattern.compile("\\p{IsThai}");

	static final Prefiltered THAI_QUESTION = new Prefiltered(
			"ไหม|มั้ย|มั๊ย|มั๋ย|มะ|ป่ะ|ปะ|ป่าว|เปล่า|รึเปล่า|หรือเปล่า|หรือไม่|หรือ|ยังไง|ยังงัย|อย่างไร|ไง|(?<!ไม่มี)อะไร(?!เลย)|ที่ไหน|ตรงไหน"
					+ "|ไหน|เมื่อไร|เมื่อไหร่|เมื่อไหร|ตอนไหน|(?<!เ)(?<!ไม่)กี่|(?<!ไม่มี)ใคร|ทำไม|เหรอ|หรอ|บ้าง|ได้ป่าว|ได้มั้ย|ยัง(?!ไม่)|แค่ไหน|เท่าไร|เท่าไหร่",
			"ไมปเรหยอทตกใบดแ");

	/** Words that announce a question ("อยากทราบว่า …") rather than ask one. */
	static final Prefiltered THAI_ANNOUNCED = new Prefiltered(
			"อยากทราบ|อยากรู้|สอบถาม|ขอข้อมูล|ขอทราบ|ขอถามเรื่อง|ช่วยบอก|แนะนำ", "อสขแช");

	/**
	 * Words that announce an English question ("we would like to know how many …"): what
	 * follows them is the question, without the story before.
	 */
	private static final Pattern ENGLISH_ANNOUNCED = Pattern.compile(
			"(?i)\\b(?:(?:would|'d)\\s+like\\s+to\\s+know|want(?:ed)?\\s+to\\s+know|wanna\\s+know|wondering|i\\s+wonder"
					+ "|(?:can|could)\\s+(?:you|u)\\s+tell\\s+me)\\b\\s*(?:if\\b|whether\\b|about\\b)?\\s*");

	/** English question words and marks, in lower case. */
	static final Prefiltered ENGLISH_QUESTION = new Prefiltered(
			"\\b(what|whats|how|when|where|who|whom|whose|why|which|whether|can|could|is|are|am|do|does|did|will|would|should"
					+ "|any|tell me|pls|please|wanna know|want to know)\\b|\\?",
			"whcaidstp?");

	private Clauses() {
	}

	/**
	 * The message's clauses, in order, whitespace collapsed; the message itself if one.
	 */
	static List<String> split(String message) {
		List<String> out = new ArrayList<>();
		for (String part : split(MARK_END, message.strip(), MARK_LETTERS)) {
			for (String piece : split(PARTICLE_END, part, " ")) {
				for (String glued : split(PARTICLE_GLUED, piece, PARTICLE_GLUED_LETTERS)) {
					sentences(glued, out);
				}
			}
		}
		return out;
	}

	/**
	 * The pattern's split of a text, without running it over a text that has none of the
	 * letters every match needs (most chat messages have no mark or line break).
	 */
	private static String[] split(Pattern pattern, String text, String needed) {
		for (int i = 0; i < text.length(); i++) {
			if (needed.indexOf(text.charAt(i)) >= 0) {
				return pattern.split(text);
			}
		}
		return new String[] { text };
	}

	/**
	 * The clauses that ask something, and (with {@code phrases}, for a long message)
	 * within a clause of several phrases (Thai writes a story and its question in one
	 * run, phrases apart by spaces; English ones by commas) also each phrase that asks,
	 * alone and with the phrase before it.
	 */
	static List<String> questions(List<String> clauses, boolean phrases) {
		return asked(clauses, phrases).stream().flatMap(List::stream).toList();
	}

	/**
	 * The questions a message asks, each as the readings of it to try: a clause, and when
	 * only one of its phrases asks, that phrase alone and with the phrase before it (one
	 * question, read without the story around it). A clause with several asking phrases
	 * asks several questions: the clause is one, each asking phrase another.
	 */
	static List<List<String>> asked(List<String> clauses, boolean phrases) {
		List<List<String>> out = new ArrayList<>();
		String previous = null;
		for (String clause : clauses) {
			String before = previous;
			previous = clause;
			if (before != null && ALTERNATIVE.matcher(clause).lookingAt()) {
				// "… สมัครได้ไหมคะ หรือต้องจบก่อน": a clause that starts with "or" offers
				// another answer to the question before it; it is asked with that one,
				// never alone.
				out.add(List.of(before + " " + clause));
				continue;
			}
			if (!asks(clause)) {
				continue;
			}
			List<String> readings = new ArrayList<>();
			readings.add(clause);
			out.add(readings);
			if (!phrases) {
				continue;
			}
			boolean thai = THAI_LETTER.matcher(clause).find();
			if (!thai) {
				Matcher announced = ENGLISH_ANNOUNCED.matcher(clause);
				if (announced.find() && clause.length() - announced.end() > 8) {
					readings.add(clause.substring(announced.end()));
				}
			}
			String[] parts = (thai ? THAI_PHRASES : ENGLISH_PHRASES).split(clause);
			if (parts.length < 2) {
				continue;
			}
			List<List<String>> asking = new ArrayList<>();
			for (int i = 0; i < parts.length; i++) {
				// A phrase that only announces a question ("อยากทราบว่า … ทั้ง") asks it
				// alone when nothing follows; else the asking word is further on.
				if (questionWord(parts[i]) || (i == parts.length - 1 && THAI_ANNOUNCED.find(parts[i]))) {
					asking.add((i > 0) ? List.of(parts[i], parts[i - 1] + " " + parts[i]) : List.of(parts[i]));
				}
			}
			if (asking.size() == 1) {
				readings.addAll(asking.get(0));
			}
			else {
				out.addAll(asking);
			}
		}
		return out;
	}

	/**
	 * A clause that asks only how or where to apply ("สมัครยังไงคะ", "แล้วสมัครที่ไหน",
	 * "how do i apply"), nothing of what.
	 */
	private static final Pattern HOW_TO_APPLY = Pattern.compile("(?i)\\s*(?:แล้ว|และ)?\\s*(?:ถ้า)?\\s*(?:จะ|อยาก)?\\s*"
			+ "(?:สมัคร|ลงทะเบียน)\\s*(?:ได้)?\\s*(?:ยังไง|ไง|อย่างไร|ยังงัย|ที่ไหน|ตรงไหน|ทางไหน|ได้ไหม|ได้มั้ย)"
			+ "\\s*(?:คะ|ครับ|ค่ะ|คับ|จ้า|นะ|อ่ะ|อะ|\\?)*\\s*"
			+ "|\\s*(?:and\\s+|so\\s+)?(?:how|where)\\s+(?:do|can|to|should)\\s+(?:i\\s+|we\\s+|u\\s+|you\\s+)?"
			+ "(?:apply|register|sign\\s+up)(?:\\s+for\\s+(?:it|that|them))?\\s*\\?*\\s*");

	/** Whether a clause asks only how or where to apply. */
	static boolean onlyHowToApply(String clause) {
		return HOW_TO_APPLY.matcher(clause).matches();
	}

	/** Whether a clause starts with a word that moves on to another question. */
	static boolean movesOn(String clause) {
		return NEXT.matcher(clause).lookingAt();
	}

	static boolean asks(String clause) {
		return questionWord(clause) || THAI_ANNOUNCED.find(clause);
	}

	/** Whether a clause has a question word or mark (not only "I'd like to know"). */
	private static boolean questionWord(String clause) {
		return THAI_QUESTION.find(clause) || ENGLISH_QUESTION.find(clause.toLowerCase(Locale.ROOT));
	}

	/**
	 * A run of phrases as clauses: one clause when at most one phrase asks something;
	 * else one clause per asking phrase, with the phrases before it ("ปิดรับวันไหน
	 * สมัครที่ไหนคะ" asks two things, "สนใจโครงการ สมัครยังไงคะ" one).
	 */
	private static void questionRuns(String[] phrases, String joiner, List<String> out) {
		boolean[] question = new boolean[phrases.length];
		int asking = 0;
		boolean open = false;
		for (int i = 0; i < phrases.length; i++) {
			question[i] = questionWord(phrases[i]);
			if (question[i] && open && onlyPluralMark(phrases[i])) {
				// "ใครเป็นวิทยากรใน Smart City Boot Camp บ้างคะ": the "บ้าง" ends the
				// question that "ใคร" began, it asks none of its own.
				question[i] = false;
			}
			if (question[i]) {
				asking++;
				open = WH_WORD.matcher(phrases[i]).find();
			}
		}
		if (asking < 2) {
			out.add(String.join(joiner, phrases));
			return;
		}
		StringBuilder run = new StringBuilder();
		int left = asking;
		for (int i = 0; i < phrases.length; i++) {
			if (!run.isEmpty()) {
				run.append(joiner);
			}
			run.append(phrases[i]);
			if (question[i] && --left > 0) {
				out.add(run.toString());
				run.setLength(0);
			}
		}
		out.add(run.toString());
	}

	/** Whether a phrase's only question word is "บ้าง" (some, any: a plural). */
	private static boolean onlyPluralMark(String phrase) {
		return phrase.contains("บ้าง") && !questionWord(phrase.replace("บ้าง", " "));
	}

	/**
	 * English sentences within a piece; Thai text passes through whole (ICU would end a
	 * sentence inside an abbreviation such as ก.พ.).
	 */
	private static void sentences(String piece, List<String> out) {
		String text = WHITESPACE.matcher(piece.strip()).replaceAll(" ");
		if (text.isEmpty()) {
			return;
		}
		if (THAI_LETTER.matcher(text).find()) {
			questionRuns(split(THAI_SPACE, text, " "), " ", out);
			return;
		}
		BreakIterator sentences = BreakIterator.getSentenceInstance(ULocale.ENGLISH);
		sentences.setText(text);
		int start = sentences.first();
		for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
			String sentence = text.substring(start, end).strip();
			if (!sentence.isEmpty()) {
				questionRuns(ENGLISH_NEXT_QUESTION.split(sentence), " and ", out);
			}
		}
	}

}
