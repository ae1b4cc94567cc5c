package th.or.depa.sca.bot.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.ULocale;
import th.or.depa.sca.nlp.ThaiText;
import th.or.depa.sca.nlp.parse.EmailAddress;
import th.or.depa.sca.nlp.parse.EmailParser;
import th.or.depa.sca.nlp.parse.NameParser;
import th.or.depa.sca.nlp.parse.NationalId;
import th.or.depa.sca.nlp.parse.NationalIdParser;
import th.or.depa.sca.nlp.parse.Parsed;
import th.or.depa.sca.nlp.parse.PhoneNumber;
import th.or.depa.sca.nlp.parse.PhoneParser;
import th.or.depa.sca.nlp.parse.Province;
import th.or.depa.sca.nlp.parse.ProvinceMatch;
import th.or.depa.sca.nlp.parse.ProvinceParser;
import th.or.depa.sca.nlp.parse.TextParser;
import th.or.depa.sca.nlp.parse.ThaiDateParser;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.MessageCatalog;
import th.or.depa.sca.templates.forms.FieldSpec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads one answer of a declared field with the field's parser, and shows a stored answer
 * back (masked where the form says so). Answers are stored in one canonical form: a date
 * as {@code yyyy-MM-dd}, a national ID as 13 digits, a phone number in national format, a
 * province by its Thai name, a choice by its option.
 */
@Component
class FieldReader {

	private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

	private static final NationalIdParser NATIONAL_ID = new NationalIdParser();

	private static final PhoneParser MOBILE = PhoneParser.mobileOnly();

	private static final PhoneParser PHONE = PhoneParser.anyNumber();

	private static final EmailParser EMAIL = new EmailParser();

	private static final NameParser FULL_NAME = NameParser.fullName();

	private static final NameParser NAME = NameParser.singleName();

	private final ProvinceParser provinces = new ProvinceParser();

	private final MessageCatalog catalog;

	private final Clock clock;

	FieldReader(MessageCatalog catalog, ObjectProvider<Clock> clock) {
		this.catalog = catalog;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** What reading an answer gave. */
	sealed interface Reading {

		/** The answer in its stored form. */
		record Accepted(String value) implements Reading {
		}

		/** Why it was refused, with what the re-prompt may say. */
		record Refused(String reason, Map<String, Object> args) implements Reading {
		}

		/** A province guessed from a typo or a district: confirm it. */
		record ConfirmProvince(String province) implements Reading {
		}

		/** Several provinces are as close: choose one. */
		record ChooseProvince(List<String> provinces) implements Reading {
		}

	}

	Reading read(FieldSpec field, String text) {
		return switch (field.parser()) {
			case FULL_NAME -> simple(FULL_NAME.parse(text), (value) -> value);
			case NAME -> simple(NAME.parse(text), (value) -> value);
			case BIRTH_DATE -> birthDate(new ThaiDateParser(this.clock).parse(text));
			case NATIONAL_ID -> simple(NATIONAL_ID.parse(text), NationalId::digits);
			case MOBILE -> simple(MOBILE.parse(text), PhoneNumber::national);
			case PHONE -> simple(PHONE.parse(text), PhoneNumber::national);
			case EMAIL -> simple(EMAIL.parse(text), EmailAddress::ascii);
			case PROVINCE -> province(text);
			case CHOICE -> choice(field, text);
			case TEXT -> text(field, text);
		};
	}

	/** A date chosen with LINE's date picker ({@code yyyy-MM-dd}). */
	Reading readPickedDate(String isoDate) {
		try {
			return birthDate(new Parsed.Valid<>(LocalDate.parse(isoDate)));
		}
		catch (DateTimeParseException ex) {
			return new Reading.Refused(Parsed.Reason.NOT_A_DATE.name(), Map.of());
		}
	}

	/** A stored answer as the summary shows it. */
	String display(FieldSpec field, String stored, Lang lang) {
		return switch (field.parser()) {
			case BIRTH_DATE -> longDate(LocalDate.parse(stored), lang);
			case NATIONAL_ID ->
				field.masked() ? "x-xxxx-xxxxx-" + stored.substring(10, 12) + "-" + stored.substring(12) : stored;
			case MOBILE, PHONE -> field.masked() ? maskPhone(stored) : stored;
			case CHOICE -> this.catalog.text(lang, field.choiceKey(stored), Map.of());
			case PROVINCE -> (lang == Lang.EN) ? this.provinces.all()
				.stream()
				.filter((province) -> province.thaiName().equals(stored))
				.map(Province::englishName)
				.findFirst()
				.orElse(stored) : stored;
			default -> stored;
		};
	}

	/** The province with this Thai name, as confirmed from a guess. */
	boolean isProvince(String thaiName) {
		return this.provinces.all().stream().anyMatch((province) -> province.thaiName().equals(thaiName));
	}

	/** A date as a long date in the language (Buddhist era in Thai). */
	static String longDate(LocalDate date, Lang lang) {
		DateFormat format = DateFormat.getInstanceForSkeleton("dMMMMy", ULocale.forLocale(lang.locale()));
		format.setTimeZone(com.ibm.icu.util.TimeZone.getTimeZone("Asia/Bangkok"));
		return format.format(java.util.Date.from(date.atTime(12, 0).atZone(BANGKOK).toInstant()));
	}

	private Reading birthDate(Parsed<LocalDate> parsed) {
		if (parsed instanceof Parsed.Valid<LocalDate> valid) {
			LocalDate today = this.clock.instant().atZone(BANGKOK).toLocalDate();
			if (valid.value().isAfter(today)) {
				return new Reading.Refused(Parsed.Reason.IN_FUTURE.name(), Map.of());
			}
			if (valid.value().isBefore(today.minusYears(120))) {
				return new Reading.Refused(Parsed.Reason.OUT_OF_RANGE.name(), Map.of());
			}
			return new Reading.Accepted(valid.value().toString());
		}
		return new Reading.Refused(((Parsed.Invalid<LocalDate>) parsed).reason().name(), Map.of());
	}

	private Reading province(String text) {
		Parsed<ProvinceMatch> parsed = this.provinces.parse(text);
		if (parsed instanceof Parsed.Valid<ProvinceMatch> valid) {
			String name = valid.value().province().thaiName();
			return valid.value().exact() ? new Reading.Accepted(name) : new Reading.ConfirmProvince(name);
		}
		Parsed.Reason reason = ((Parsed.Invalid<ProvinceMatch>) parsed).reason();
		if (reason == Parsed.Reason.AMBIGUOUS) {
			return new Reading.ChooseProvince(
					this.provinces.suggest(text, 4).stream().map(Province::thaiName).toList());
		}
		return new Reading.Refused(reason.name(), Map.of());
	}

	/**
	 * A choice typed instead of tapped: its label or one of its other words, in either
	 * language ("เรียนอยู่" is studying); where the message holds the words of several,
	 * the longest word decides ("เรียนจบแล้ว" is graduated), and a tie is no choice.
	 */
	private Reading choice(FieldSpec field, String text) {
		String typed = ThaiText.normalize(text).replace(" ", "");
		if (typed.isEmpty()) {
			return new Reading.Refused(Parsed.Reason.EMPTY.name(), Map.of());
		}
		// "ไม่ได้ทำงาน", "ยังไม่จบ", "not working": a negated word is no choice.
		boolean negated = typed.contains("ไม่") || typed.matches("(?:not|no|never)\\b.*");
		String best = null;
		int bestLength = 0;
		boolean tie = false;
		for (String option : field.choices()) {
			for (String word : words(field, option)) {
				if (typed.equals(word)) {
					return new Reading.Accepted(option);
				}
				if (!negated && word.length() >= 2 && typed.contains(word)) {
					if (word.length() > bestLength) {
						best = option;
						bestLength = word.length();
						tie = false;
					}
					else if (word.length() == bestLength && !option.equals(best)) {
						tie = true;
					}
				}
			}
		}
		if (best != null && !tie) {
			return new Reading.Accepted(best);
		}
		// "1", "2", ... in the order the buttons show them.
		if (typed.matches("\\d{1,2}")) {
			int index = Integer.parseInt(typed) - 1;
			if (index >= 0 && index < field.choices().size()) {
				return new Reading.Accepted(field.choices().get(index));
			}
		}
		return new Reading.Refused(Parsed.Reason.NOT_A_CHOICE.name(), Map.of());
	}

	private List<String> words(FieldSpec field, String option) {
		List<String> words = new java.util.ArrayList<>();
		words.add(option);
		for (Lang lang : Lang.values()) {
			words.add(ThaiText.normalize(this.catalog.text(lang, field.choiceKey(option), Map.of())).replace(" ", ""));
			for (String alias : this.catalog.text(lang, field.choiceAliasesKey(option), Map.of()).split(",")) {
				words.add(ThaiText.normalize(alias).replace(" ", ""));
			}
		}
		return words;
	}

	private Reading text(FieldSpec field, String text) {
		Parsed<String> parsed = new TextParser(field.min(), field.max()).parse(text);
		if (parsed instanceof Parsed.Valid<String> valid) {
			return new Reading.Accepted(valid.value());
		}
		String tidy = (text == null) ? "" : text.strip();
		return new Reading.Refused(((Parsed.Invalid<String>) parsed).reason().name(),
				Map.of("min", field.min(), "max", field.max(), "length", tidy.codePointCount(0, tidy.length())));
	}

	private static <T> Reading simple(Parsed<T> parsed, java.util.function.Function<T, String> stored) {
		if (parsed instanceof Parsed.Valid<T> valid) {
			return new Reading.Accepted(stored.apply(valid.value()));
		}
		return new Reading.Refused(((Parsed.Invalid<T>) parsed).reason().name(), Map.of());
	}

	private static String maskPhone(String national) {
		String digits = national.replaceAll("\\D", "");
		if (digits.length() < 6) {
			return "xxx";
		}
		return digits.substring(0, 3) + "-xxx-x" + digits.substring(digits.length() - 3);
	}

}
