package th.or.depa.sca.nlp.parse;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Formats dates for users with ICU: Thai in the Buddhist era ("21 กรกฎาคม 2565"), other
 * languages in the Gregorian one ("21 July 2022").
 */
public final class ThaiDates {

	private static final ULocale INTERNATIONAL_ENGLISH = new ULocale("en_001");

	// ICU formats are not thread-safe: each call formats with a clone of the cached
	// one.
	private static final Map<ULocale, DateFormat> FORMATS = new ConcurrentHashMap<>();

	private ThaiDates() {
	}

	/**
	 * Formats {@code date} in the long style of {@code locale}; see
	 * {@link #format(LocalDate, ULocale)}.
	 */
	public static String format(LocalDate date, Locale locale) {
		return format(date, ULocale.forLocale(locale));
	}

	/**
	 * Formats {@code date} in the long style of {@code locale}. Thai always uses the
	 * Buddhist calendar, whatever calendar the locale asks for; any other language uses
	 * the Gregorian calendar, because ICU would give "en_TH" the Buddhist one. English
	 * without a region (or for Thailand) is written day first, as in international
	 * English and as Thai users read dates; a region such as "en_US" keeps its own order.
	 */
	public static String format(LocalDate date, ULocale locale) {
		DateFormat format = FORMATS.computeIfAbsent(resolve(locale), ThaiDates::longFormat).clone();
		return format.format(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
	}

	private static ULocale resolve(ULocale locale) {
		String language = locale.getLanguage();
		if ("th".equals(language)) {
			return locale.setKeywordValue("calendar", "buddhist");
		}
		String country = locale.getCountry();
		ULocale base = ("en".equals(language) && (country.isEmpty() || "TH".equals(country))) ? INTERNATIONAL_ENGLISH
				: locale;
		return base.setKeywordValue("calendar", "gregorian");
	}

	private static DateFormat longFormat(ULocale locale) {
		DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, locale);
		format.setTimeZone(TimeZone.GMT_ZONE);
		if (format.getCalendar() instanceof GregorianCalendar calendar) {
			// LocalDate is proleptic Gregorian; ICU switches to the Julian calendar
			// before 1582 unless told otherwise.
			calendar.setGregorianChange(new Date(Long.MIN_VALUE));
		}
		return format;
	}

}
