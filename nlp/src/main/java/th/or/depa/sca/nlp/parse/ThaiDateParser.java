package th.or.depa.sca.nlp.parse;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.util.ULocale;

import th.or.depa.sca.nlp.ThaiText;
import th.or.depa.sca.nlp.parse.Parsed.Reason;

/**
 * Parses a calendar date the way Thai users write it, in the Buddhist or the Gregorian
 * era.
 *
 * <p>
 * Accepted forms, with Thai or ASCII digits and an optional "วันที่" (or "วันจันทร์ที่")
 * in front:
 * <ul>
 * <li>day, month name, year: "21 กรกฎาคม 2565", "21 ก.ค. 65", "21 กค 65", "21 กรกฎา
 * 2565", "21 July 2022", "21-Jul-2022"; English also month first: "July 21, 2022";</li>
 * <li>day/month/year with "/", "-", "." or spaces: "21/7/2565", "21-07-2022",
 * "21.7.65";</li>
 * <li>ISO year-month-day: "2022-07-21".</li>
 * </ul>
 * Thai month names come from ICU (full and abbreviated, the latter also without dots)
 * plus the spoken form without its คม/ยน/พันธ์ ending ("กรกฎา"); English names from ICU
 * too.
 *
 * <p>
 * Years:
 * <ul>
 * <li>"พ.ศ." (or "พศ") before the year means Buddhist era, "ค.ศ." (or "คศ") Gregorian; BE
 * = CE + 543.</li>
 * <li>Without a marker, a 4-digit year above 2400 is BE and any other is CE: no one types
 * a CE year after 2400, and BE 2400 was CE 1857.</li>
 * <li>Without a marker, a 2-digit year is BE when the month is Thai or a number, because
 * Thai users abbreviate the BE year ("21 ก.ค. 65" is 2565, which is 2022); it is CE when
 * the month is English ("21 Jul 22" is 2022). The century is the one that puts the year
 * at most 20 years after today's year in that era, so "99" is 2499 BE (1956), not
 * 2599.</li>
 * <li>Dates before 1900 or after 2100 CE are {@link Reason#OUT_OF_RANGE}.</li>
 * </ul>
 */
public final class ThaiDateParser implements Parser<LocalDate> {

	private static final int MIN_YEAR = 1900;

	private static final int MAX_YEAR = 2100;

	private static final int BE_OFFSET = 543;

	private static final Map<String, Month> THAI_MONTHS = Map.copyOf(months(new ULocale("th", "TH"), true));

	private static final Map<String, Month> ENGLISH_MONTHS = englishMonths();

	// "เกิด", "วันที่", "วันพฤหัสบดีที่": words before the date that say nothing
	// about it.
	private static final Pattern PREFIX = Pattern.compile("^(?:เกิด(?:เมื่อ)?\\s*)?(?:วัน[^\\s\\d]*?ที่\\s*)?");

	// Dotted markers can sit anywhere, as "พ." followed by "ศ" starts no month; bare
	// "พศ" only as a word of its own.
	private static final Pattern ERA = Pattern
		.compile("([พค])\\.\\s?ศ\\.?|(?<![\\p{L}\\p{M}])([พค])ศ(?![\\p{L}\\p{M}])");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern ISO = Pattern
		.compile("(\\d{4})\\s*[/.\\p{Pd}]\\s*(\\d{1,2})\\s*[/.\\p{Pd}]\\s*(\\d{1,2})");

	private static final Pattern NUMERIC = Pattern
		.compile("(\\d{1,2})\\s*[/.\\p{Pd}\\s]\\s*(\\d{1,2})(?:\\s*[/.\\p{Pd}\\s]\\s*(\\d+))?");

	private static final Pattern DAY_MONTH_YEAR = Pattern
		.compile("(\\d{1,2})(?:st|nd|rd|th)?[\\s/\\p{Pd}]*([\\p{L}\\p{M}][\\p{L}\\p{M}.]*)[\\s/\\p{Pd}]*(\\d+)?");

	private static final Pattern MONTH_DAY_YEAR = Pattern
		.compile("([a-z][a-z.]*)[\\s/\\p{Pd}]*(\\d{1,2})(?:st|nd|rd|th)?[\\s/\\p{Pd}]*(\\d+)?");

	private final Clock clock;

	/**
	 * Creates a parser whose clock only decides the century of 2-digit years.
	 */
	public ThaiDateParser(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public Parsed<LocalDate> parse(String text) {
		String s = Particles.stripTrailing(ThaiText.normalize(text));
		s = PREFIX.matcher(s).replaceFirst("").replace(',', ' ');
		Era era = Era.UNSTATED;
		Matcher marker = ERA.matcher(s);
		if (marker.find()) {
			era = ("พ".equals(marker.group(1)) || "พ".equals(marker.group(2))) ? Era.BE : Era.CE;
			s = marker.replaceAll(" ");
		}
		s = SPACES.matcher(s).replaceAll(" ").strip();
		if (s.isEmpty()) {
			return new Parsed.Invalid<>(Reason.EMPTY);
		}
		Matcher iso = ISO.matcher(s);
		if (iso.matches()) {
			return date(iso.group(3), Integer.parseInt(iso.group(2)), iso.group(1), era, false);
		}
		Matcher numeric = NUMERIC.matcher(s);
		if (numeric.matches()) {
			return date(numeric.group(1), Integer.parseInt(numeric.group(2)), numeric.group(3), era, false);
		}
		Matcher dayFirst = DAY_MONTH_YEAR.matcher(s);
		if (dayFirst.matches()) {
			return named(dayFirst.group(1), dayFirst.group(2), dayFirst.group(3), era);
		}
		Matcher monthFirst = MONTH_DAY_YEAR.matcher(s);
		if (monthFirst.matches()) {
			return named(monthFirst.group(2), monthFirst.group(1), monthFirst.group(3), era);
		}
		return new Parsed.Invalid<>(Reason.NOT_A_DATE);
	}

	private Parsed<LocalDate> named(String day, String monthName, String year, Era era) {
		String key = monthKey(monthName);
		Month thai = THAI_MONTHS.get(key);
		Month english = ENGLISH_MONTHS.get(key);
		if (thai == null && english == null) {
			return new Parsed.Invalid<>(Reason.UNKNOWN_MONTH);
		}
		return (thai != null) ? date(day, thai.getValue(), year, era, false)
				: date(day, english.getValue(), year, era, true);
	}

	private Parsed<LocalDate> date(String dayDigits, int month, String yearDigits, Era era, boolean englishMonth) {
		if (month < 1 || month > 12) {
			return new Parsed.Invalid<>(Reason.UNKNOWN_MONTH);
		}
		int day = Integer.parseInt(dayDigits);
		// 31 February is impossible in any year: say so before asking for the year.
		if (day < 1 || day > Month.of(month).maxLength()) {
			return new Parsed.Invalid<>(Reason.IMPOSSIBLE_DATE);
		}
		if (yearDigits == null) {
			return new Parsed.Invalid<>(Reason.MISSING_YEAR);
		}
		if (yearDigits.length() != 2 && yearDigits.length() != 4) {
			return new Parsed.Invalid<>(Reason.NOT_A_DATE);
		}
		int year = gregorianYear(Integer.parseInt(yearDigits), yearDigits.length(), era, englishMonth);
		if (year < MIN_YEAR || year > MAX_YEAR) {
			return new Parsed.Invalid<>(Reason.OUT_OF_RANGE);
		}
		if (day > YearMonth.of(year, month).lengthOfMonth()) {
			return new Parsed.Invalid<>(Reason.IMPOSSIBLE_DATE);
		}
		return new Parsed.Valid<>(LocalDate.of(year, month, day));
	}

	private int gregorianYear(int year, int digits, Era era, boolean englishMonth) {
		boolean buddhist = switch (era) {
			case BE -> true;
			case CE -> false;
			case UNSTATED -> (digits == 4) ? year > 2400 : !englishMonth;
		};
		if (digits == 2) {
			int latest = LocalDate.now(this.clock).getYear() + (buddhist ? BE_OFFSET : 0) + 20;
			year += latest / 100 * 100;
			if (year > latest) {
				year -= 100;
			}
		}
		return buddhist ? year - BE_OFFSET : year;
	}

	private static String monthKey(String name) {
		return ThaiText.normalize(name).replace(".", "");
	}

	private static Map<String, Month> englishMonths() {
		Map<String, Month> months = months(ULocale.ENGLISH, false);
		// British English abbreviates September as "Sept", which people type too.
		months(ULocale.UK, false).forEach((key, month) -> put(months, key, month));
		return Map.copyOf(months);
	}

	private static Map<String, Month> months(ULocale locale, boolean spokenForms) {
		DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
		Map<String, Month> months = new HashMap<>();
		for (int context : new int[] { DateFormatSymbols.FORMAT, DateFormatSymbols.STANDALONE }) {
			String[] wide = symbols.getMonths(context, DateFormatSymbols.WIDE);
			String[] abbreviated = symbols.getMonths(context, DateFormatSymbols.ABBREVIATED);
			for (int i = 0; i < 12; i++) {
				Month month = Month.of(i + 1);
				put(months, monthKey(wide[i]), month);
				put(months, monthKey(abbreviated[i]), month);
				if (spokenForms) {
					// มกราคม → มกรา, กุมภาพันธ์ → กุมภา, เมษายน → เมษา: how months
					// are said.
					put(months, monthKey(wide[i]).replaceFirst("(?:คม|ยน|พันธ์)$", ""), month);
				}
			}
		}
		return months;
	}

	private static void put(Map<String, Month> months, String key, Month month) {
		Month previous = months.putIfAbsent(key, month);
		if (previous != null && previous != month) {
			throw new IllegalStateException("Month name '" + key + "' means both " + previous + " and " + month);
		}
	}

	private enum Era {

		BE, CE, UNSTATED

	}

}
