package th.or.depa.sca.nlp.faq;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What kind of thing a question asks for, from its question words: a place, a person, a
 * time, an amount, a reason, a list. An entry answers the kinds its own phrasings ask; a
 * question that asks another kind about the entry's subject ("where is depa's office?" to
 * an entry that says what depa is) is a question the entry does not answer, however many
 * words the two share.
 * <p>
 * Questions without such a word (yes/no questions, "what is …" — in Thai also "… คือใคร",
 * "… คือที่ไหน" — "how do I …", a bare topic) ask no kind and are never held against an
 * entry.
 */
enum Asks {

	/** When: dates, days, years, times of day. Read first: "วันที่เท่าไหร่" is a date. */
	TIME("เตชวปพกถwtub",
			"เมื่อ(?:ไหร่|ไร่|ไหร|ไร|ไหล่)|ตอนไหน|ช่วงไหน|ช่วงไหร|วัน(?:ไหน|อะไร|ใด)|วันที่(?:เท่า(?:ไหร่|ไร)|ไหน)"
					+ "|เดือน(?:ไหน|อะไร|ใด)|ปี(?:ไหน|อะไร|ใด)|พ\\.?ศ\\.?\\s*(?:อะไร|ไหน)|กี่โมง|ถึง(?:วัน)?ไหน"
					+ "|\\b(?:till|until|by)\\s+when\\b|\\bwhen\\b|\\bwhat\\s+(?:date|day|time|year|month)\\b|\\bwhich\\s+(?:date|day|year|month)\\b"),

	/**
	 * Where, which venue ("โรงแรมไหน", "what hotel") and an address ("ขอที่อยู่ดีป้า",
	 * "ที่อยู่ของสำนักงาน", "depa's office address"; not "คนที่อยู่ต่างจังหวัด", people
	 * who live elsewhere, nor "address city problems").
	 */
	PLACE("ทตแอโสหwขadmop",
			"ที่ไหน|ตรงไหน|แห่งไหน|อยู่ไหน|อยู่แถวไหน|(?:โรงแรม|สถานที่|ห้อง|อาคาร|ตึก|หอประชุม|สนาม)\\s*(?:ไหน|อะไร|ใด)"
					+ "|ขอ\\s*ที่อยู่|ที่อยู่\\s*(?:ของ|สำนักงาน|ออฟฟิศ|ดีป้า|depa|\\s*$)|(?:^|\\s)ที่อยู่\\s*(?:คือ|อะไร)"
					+ "|\\bwhere(?:'s|s)?\\b|\\bwhereabouts\\b|\\b(?:which|what)\\s+(?:hotel|venue|building|room|location)\\b"
					+ "|\\b(?:office|mailing|postal|street|depa(?:'s)?|your|its|the)\\s+address\\b|\\baddress\\s+of\\b"),

	/** Who. */
	PERSON("ใทคw", "ใคร|ท่านใด|ท่านไหน|คนไหน|\\bwho(?:m|se|'s)?\\b"),

	/** How many, how much, how long. */
	AMOUNT("กเh", "(?<!เ)(?<!ไม่)กี่|เท่า(?:ไหร่|ไร)|\\bhow\\s+(?:many|much|long|old)\\b"),

	/**
	 * Why: a reason or purpose. "ทำไม่" is "does not do" (ทำ ไม่), not "why".
	 */
	REASON("ทเwh", "ทำไม(?!่)|เพื่ออะไร|เพราะอะไร|\\bwhy\\b|\\bhow\\s+come\\b"),

	/**
	 * The most, the best, the winner: a ranking ("จังหวัดไหนได้เงินมากที่สุด", "which
	 * project won first prize", "best smart city"). The facts rank nothing, so only an
	 * entry asked that way could answer it.
	 */
	RANKING("ทชอจmbthlgwfไ1", "ที่สุด|ชนะ|อันดับ|ได้ที่\\s*(?:หนึ่ง|1|๑)(?![0-9])"
			+ "|\\b(?:most|best|top|highest|biggest|largest|greatest|worst|win|wins|winner|winners|won|winning)\\b"
			+ "|\\b(?:first|1st)\\s+(?:place|prize)\\b"),

	/**
	 * A name: "กัปตันของจังหวัดน่านชื่ออะไร", "what's the mentor's name". Entries that
	 * name nobody do not answer it. "รายชื่อ" is a list, and "ผมชื่อต้น" introduces the
	 * writer.
	 */
	NAME("ชwnf", "(?<!ราย)ชื่อ(?:ว่า|เต็ม|จริง)?\\s*(?:อะไร|ไร|อิหยัง)|ชื่อเต็ม"
			+ "|\\bwhat(?:'s|s| is| are)\\s+(?:the\\s+|his\\s+|her\\s+|their\\s+|its\\s+)?(?:\\w+(?:'s)?\\s+)?names?\\b"
			+ "|\\bnames?\\s+of\\b|\\bfull\\s+name\\b"),

	/**
	 * A phone number or an e-mail address ("ขอเบอร์พี่เลี้ยงประจำจังหวัด", "is there an
	 * email address"): only an entry that gives one answers it.
	 */
	PHONE("เอeplไ", "เบอร์|อีเมล|\\be-?mail\\b|\\bphone\\b|\\bline\\s*id\\b|ไอดีไลน์"),

	/**
	 * How many have applied so far ("รุ่น 2 มีคนสมัครกี่คนแล้ว", "how many people already
	 * applied"), or how many compete: a count the facts never give, unlike how many a
	 * round takes ("รับสมัครกี่คน", "how many applicants will be selected"), which these
	 * words leave out.
	 */
	APPLIED("คผสยhnta",
			"(?<!รับ|รับ\\s|อายุ|อายุ\\s|อายุของ|อายุของ\\s)(?:คน|ผู้)สมัคร"
					+ "(?:(?!รับ|ผ่าน|คัด|เลือก|ได้|ต้อง|ใช้|อายุ|ค่า|เงิน|เสีย)[^?]){0,20}?"
					+ "(?:กี่\\s*(?:คน|ราย|ท่าน)|เท่า(?:ไหร่|ไร)|เยอะ|มาก(?!ขึ้น))"
					+ "|สมัคร(?:เข้า)?(?:มา|ไป)(?:แล้ว)?\\s*(?:กี่|เท่า(?:ไหร่|ไร))|ยอด(?:ผู้|คน)?สมัคร"
					+ "|คู่แข่ง(?:เยอะ|มาก|กี่|เท่า)"
					+ "|\\bhow\\s+many\\s+(?:\\w+\\s+){0,3}?(?:applied|signed\\s+up|registered)\\b"
					+ "|\\b(?:how\\s+many|number\\s+of|total)\\s+(?:applicants|applications)\\b"
					+ "(?!(?:\\s+\\w+){0,3}\\s+(?:accept|select|take|taking|chos|pick|admit|recruit|pass))"
					+ "|\\b(?:applicants|applications|applied)\\s+so\\s+far\\b"),

	/**
	 * Which language ("บูทแคมป์ใช้ภาษาอะไร", "what language is it taught in"): the facts
	 * give none, so only an entry asked that way could answer it.
	 */
	LANGUAGE("ภwl",
			"ภาษา\\s*(?:อะไร|ไหน|ใด)|\\b(?:what|which)\\s+language|\\blanguages?\\s+(?:is|are)\\s+(?:it|the)\\b"),

	/**
	 * How much money ("ได้เงินรางวัลเท่าไหร่", "ค่าสมัครกี่บาท", "how much is the pay"):
	 * an amount that only an entry asked for money answers, not a count or a length of
	 * time. Read on the whole text, beside the amount.
	 */
	MONEY("เบรคงกhwp", "(?:เงิน|บาท|ราคา|ค่า|งบ)[^\\s?]{0,12}\\s*(?:ละ)?\\s*(?:กี่|เท่า(?:ไหร่|ไร))|กี่\\s*บาท"
			+ "|\\bhow\\s+much\\b(?!\\s+(?:time|longer))|\\bwhat(?:'s|s| is| are)\\s+the\\s+(?:cost|price|fee|fees|salary|pay|budget)\\b"),

	/** Which ones: a list of things ("มีอะไรบ้าง", "จังหวัดไหนบ้าง", "ขอรายชื่อ …"). */
	LIST("อไใรwl", "(?:อะไร|ไหน|ใคร)\\s*บ้าง|รายชื่อ|\\bwhich\\b|\\blist\\b");

	/**
	 * Thai asks what something is with "who" and "where" words: "ดีป้าคือใคร", "…
	 * คือที่ไหน" (what is depa?). These ask no kind.
	 */
	static final Prefiltered IDENTITY = new Prefiltered("(?:คือ|เป็น)\\s*(?:ใคร|ที่ไหน|อะไร)|มาจากไหน", "คเม");

	/**
	 * People named by what they do: "วิทยากรบูทแคมป์คือใคร" asks who the speaker is, not
	 * what a speaker is, so a question with one of these is never read as
	 * {@link #IDENTITY}.
	 */
	static final Prefiltered ROLE = new Prefiltered(
			"วิทยากร|ผู้อำนวยการ|ประธาน|อาจารย์|ผู้บริหาร|หัวหน้า|แอดมิน|เจ้าของ|ผู้ก่อตั้ง|ผู้จัดการ|นายก|ผู้ว่า"
					+ "|รัฐมนตรี|ผู้สอน|พิธีกร|ผู้ชนะ|ผู้ได้รางวัล|ทีมงาน|คนที่",
			"วผปอหแจนรพทค");

	/**
	 * "When will you announce who got in?", "ประกาศผลว่าใครผ่านเมื่อไหร่",
	 * "ประกาศรายชื่อผู้ผ่านวันไหน": a "who" or a list that is what is announced asks for
	 * no person or list; the question is when.
	 */
	static final Prefiltered ANNOUNCED_WHO = new Prefiltered(
			"ประกาศ(?:ผล)?\\s*(?:ว่า)?\\s*(?:มี)?\\s*(?:ใคร|รายชื่อ)|\\bannounc(?:e|es|ed|ing)\\s+who\\b", "ปa");

	final Prefiltered pattern;

	/**
	 * @param startLetters the letters a match can start with (lower case)
	 * @param pattern the question words, in lower case
	 */
	Asks(String startLetters, String pattern) {
		this.pattern = new Prefiltered(pattern, startLetters);
	}

	/**
	 * The kinds a text asks for. A span read as one kind is not read again as another
	 * ("วันที่เท่าไหร่" is a time, not an amount); a list and a count of applicants are
	 * read on the whole text, beside the kind their words also ask ("มีคนสมัครกี่คน" is
	 * an amount too).
	 */
	static Set<Asks> in(String text) {
		Set<Asks> kinds = EnumSet.noneOf(Asks.class);
		String lower = text.toLowerCase(Locale.ROOT);
		if (!ROLE.find(lower)) {
			lower = IDENTITY.replaceAll(lower, " ");
		}
		lower = ANNOUNCED_WHO.replaceAll(lower, " ");
		String rest = lower;
		for (Asks kind : values()) {
			boolean whole = kind == LIST || kind == APPLIED || kind == MONEY;
			if (kind.pattern.find(whole ? lower : rest)) {
				kinds.add(kind);
				if (!whole) {
					rest = kind.pattern.replaceAll(rest, " ");
				}
			}
		}
		return kinds;
	}

}
