package th.or.depa.sca.loadtest;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What an applicant sends while registering by chat, one event per step: the start, taps
 * on the bot's buttons (postbacks) or the same choice typed, each field's answer as
 * people type it, the submit tap, and after that a status check now and then. Every
 * registrant answers with a name, birth date, phone and e-mail of their own and a valid
 * national ID that no other registrant has, so that the bot validates, seals and stores
 * each application as it would a real one.
 */
final class RegistrationScript {

	/** The steps up to and including the submit tap. */
	static final int STEPS = 14;

	private static final String[] STARTS = { "สมัคร", "อยากสมัครค่ะ", "สมัครครับ", "ขอสมัครหน่อยค่ะ", "สมัครเลย" };

	private static final String[] PREFIXES = { "", "", "นาย", "นางสาว", "" };

	private static final String[] FIRST_NAMES = { "สมชาย", "พลอยไพลิน", "ณัฐวุฒิ", "กานต์ธิดา", "ภูริ", "ศิริพร",
			"ธนกร", "ปิยะนุช", "วรเมธ", "อรอุมา", "จิรายุ", "สุดารัตน์", "กิตติพัฒน์", "เบญจมาศ", "ชยพล", "มณีรัตน์" };

	private static final String[] LAST_NAMES = { "ใจดี", "ศรีสุข", "วงศ์ใหญ่", "แก้วมณี", "ทองคำ", "บุญมา",
			"จันทร์เพ็ญ", "สายสุวรรณ", "พรหมวงศ์", "อินทร์แก้ว", "ชัยมงคล", "รักษ์ไทย" };

	private static final String[] NICKNAMES = { "ต้น", "พลอย", "บอส", "มายด์", "ภูมิ", "แพรว", "เจมส์", "ฟ้า", "ออม",
			"ปาล์ม", "เฟิร์น", "ไอซ์" };

	private static final String[] LATIN_NICKNAMES = { "ton", "ploy", "boss", "mind", "poom", "praew", "james", "fah",
			"aom", "palm", "fern", "ice" };

	private static final String[] MONTHS = { "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
			"ต.ค.", "พ.ย.", "ธ.ค." };

	private static final String[] PROVINCES = { "เชียงราย", "ขอนแก่น", "นครราชสีมา", "ภูเก็ต", "สงขลา", "น่าน",
			"อุดรธานี", "ลำปาง", "ตรัง", "ชลบุรี", "สุรินทร์", "พิษณุโลก", "นครพนม", "แม่ฮ่องสอน", "จันทบุรี",
			"ร้อยเอ็ด" };

	private static final String[] OCCUPATIONS = { "flow=registration&do=choice&arg=occupation:graduate",
			"flow=registration&do=choice&arg=occupation:working", "เรียนจบแล้วครับ", "ทำงานแล้วค่ะ" };

	private static final String[] MOTIVATIONS = {
			"อยากกลับไปพัฒนาบ้านเกิดที่%s ใช้ข้อมูลและเทคโนโลยีช่วยแก้ปัญหาฝุ่นควันและขยะ",
			"อยากเอาความรู้ด้านไอทีกลับไปช่วยเทศบาลที่%s ให้บริการประชาชนออนไลน์ได้ง่ายขึ้น",
			"สนใจเรื่องเมืองอัจฉริยะมาก อยากช่วยให้%sมีระบบขนส่งและการท่องเที่ยวที่ดีขึ้นค่ะ",
			"I want to help %s use open data so people can find public services faster and safer" };

	private RegistrationScript() {
	}

	/**
	 * Step {@code step} of registrant {@code registrant}: a text, or a postback's data
	 * when it starts with {@code flow=}.
	 */
	static String step(int registrant, int step, SplittableRandom random) {
		int province = Math.floorMod(registrant * 7 + 3, PROVINCES.length);
		int nickname = Math.floorMod(registrant, NICKNAMES.length);
		return switch (step) {
			case 0 -> pick(STARTS, random);
			case 1 -> random.nextBoolean() ? "flow=registration&do=type&arg=youth" : "เยาวชนค่ะ";
			case 2 -> random.nextBoolean() ? "flow=registration&do=consent&arg=yes" : "ยินยอมค่ะ";
			case 3 -> PREFIXES[random.nextInt(PREFIXES.length)]
					+ FIRST_NAMES[Math.floorMod(registrant * 5 + 1, FIRST_NAMES.length)] + " "
					+ LAST_NAMES[Math.floorMod(registrant * 3 + registrant / 16, LAST_NAMES.length)];
			case 4 -> NICKNAMES[nickname];
			case 5 -> (1 + Math.floorMod(registrant, 28)) + " " + MONTHS[Math.floorMod(registrant / 28, 12)] + " "
					+ (2539 + Math.floorMod(registrant, 9));
			case 6 -> typedId(nationalId(registrant), random);
			case 7 -> mobile(registrant, random);
			case 8 -> LATIN_NICKNAMES[nickname] + "." + registrant + "@example.com";
			case 9 -> PROVINCES[province];
			case 10 -> pick(OCCUPATIONS, random);
			case 11 ->
				random.nextBoolean() ? "เทศบาลเมือง" + PROVINCES[province] : "อบต. ในอำเภอเมือง" + PROVINCES[province];
			case 12 -> MOTIVATIONS[random.nextInt(MOTIVATIONS.length)].formatted(PROVINCES[province]);
			case 13 -> "flow=registration&do=submit";
			default -> random.nextInt(4) == 0 ? "สถานะใบสมัคร" : "ขอบคุณค่ะ";
		};
	}

	/**
	 * A valid Thai national ID of 13 digits, its last one the check digit, different for
	 * every registrant below 10^10.
	 */
	static String nationalId(int registrant) {
		String twelve = "11" + String.format(Locale.ROOT, "%010d", registrant);
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += (twelve.charAt(i) - '0') * (13 - i);
		}
		return twelve + ((11 - sum % 11) % 10);
	}

	private static String typedId(String id, SplittableRandom random) {
		if (random.nextBoolean()) {
			return id;
		}
		return id.charAt(0) + "-" + id.substring(1, 5) + "-" + id.substring(5, 10) + "-" + id.substring(10, 12) + "-"
				+ id.charAt(12);
	}

	private static String mobile(int registrant, SplittableRandom random) {
		String digits = "08"
				+ String.format(Locale.ROOT, "%08d", Math.floorMod(registrant * 7_919L + 1_234_567L, 100_000_000L));
		return random.nextBoolean() ? digits
				: digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
	}

	private static String pick(String[] options, SplittableRandom random) {
		return options[random.nextInt(options.length)];
	}

}
