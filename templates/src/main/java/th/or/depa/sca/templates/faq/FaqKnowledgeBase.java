package th.or.depa.sca.templates.faq;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.ULocale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import th.or.depa.sca.nlp.faq.FaqDocument;
import th.or.depa.sca.nlp.faq.FaqIndex;
import th.or.depa.sca.nlp.segment.ThaiAnalysis;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.MessageCatalog;

/**
 * The FAQ knowledge base that staff edit ({@code faq/faq.yaml}): entries with phrasings
 * and answers in Thai and English, and synonym groups. Loading checks it whole and names
 * the entry and field of the first problem, so a bad edit never reaches users.
 */
public final class FaqKnowledgeBase {

	/** The file shipped in this module. */
	public static final String RESOURCE = "faq/faq.yaml";

	/** LINE's limit for a quick-reply button label. */
	public static final int MAX_TOPIC_LENGTH = 20;

	/** LINE's limit for a text message. */
	public static final int MAX_ANSWER_LENGTH = 5000;

	/** The values an answer may refer to; each is filled in by {@link #answer}. */
	public static final Set<String> PLACEHOLDERS = Set.of("deadline", "status");

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

	/**
	 * A long date per language (Buddhist calendar in Thai), in Bangkok: built once, as
	 * building one costs more than the rest of an answer; cloned for each use, as ICU's
	 * formats are not thread-safe.
	 */
	private static final Map<Lang, DateFormat> DEADLINE_FORMATS = deadlineFormats();

	private final List<FaqEntry> entries;

	private final Map<String, FaqEntry> byId;

	private static final String VARIANTS_RESOURCE = "faq/variants.yaml";

	private final List<List<String>> synonyms;

	private final List<String> offTopic;

	private FaqKnowledgeBase(List<FaqEntry> entries, List<List<String>> synonyms, List<String> offTopic) {
		this.entries = List.copyOf(entries);
		Map<String, FaqEntry> byId = new LinkedHashMap<>();
		for (FaqEntry entry : entries) {
			if (entry.id().equals(FaqIndex.OFF_TOPIC)) {
				throw new IllegalStateException(
						"FAQ: '" + FaqIndex.OFF_TOPIC + "' is the name of the off-topic list, not an entry id");
			}
			if (byId.put(entry.id(), entry) != null) {
				throw new IllegalStateException("FAQ: two entries have the id '" + entry.id() + "'");
			}
		}
		this.byId = byId;
		this.synonyms = List.copyOf(synonyms);
		this.offTopic = List.copyOf(offTopic);
	}

	/** Loads the knowledge base shipped in this module. */
	public static FaqKnowledgeBase load() {
		try (InputStream in = FaqKnowledgeBase.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("No FAQ resource '" + RESOURCE + "'");
			}
			return load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read FAQ resource '" + RESOURCE + "'", ex);
		}
	}

	/** Loads and checks a knowledge base in the YAML format of {@code faq/faq.yaml}. */
	public static FaqKnowledgeBase load(Reader yaml) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		Object root = new Yaml(new SafeConstructor(options)).load(yaml);
		Map<?, ?> top = map(root, "the file");
		List<List<String>> synonyms = new ArrayList<>();
		for (Object group : list(top.get("synonyms"), "synonyms", true)) {
			synonyms.add(strings(group, "a synonym group"));
		}
		List<FaqEntry> entries = new ArrayList<>();
		for (Object item : list(top.get("entries"), "entries", false)) {
			entries.add(entry(map(item, "an entry")));
		}
		List<String> offTopic = top.containsKey(FaqIndex.OFF_TOPIC)
				? strings(top.get(FaqIndex.OFF_TOPIC), "the off-topic list") : List.of();
		return new FaqKnowledgeBase(entries, synonyms, offTopic);
	}

	public List<FaqEntry> entries() {
		return this.entries;
	}

	public Optional<FaqEntry> entry(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	public List<List<String>> synonyms() {
		return this.synonyms;
	}

	/**
	 * Messages that are not about the program although they use its words; the bot
	 * declines them rather than answer with the closest entry.
	 */
	public List<String> offTopic() {
		return this.offTopic;
	}

	/**
	 * The entries as the FAQ index takes them: their questions, and their answers (with
	 * the deadline written in) as context; then the off-topic list, if any.
	 */
	public List<FaqDocument> documents(Date deadline) {
		List<FaqDocument> documents = new ArrayList<>();
		for (FaqEntry entry : this.entries) {
			documents.add(new FaqDocument(entry.id(), entry.allQuestions(),
					entry.answer().keySet().stream().map((lang) -> answer(entry, lang, deadline)).toList(),
					entry.answers(), entry.round(), entry.people()));
		}
		if (!this.offTopic.isEmpty()) {
			documents.add(new FaqDocument(FaqIndex.OFF_TOPIC, this.offTopic, List.of()));
		}
		return documents;
	}

	/**
	 * The text analysis with the shared variant list ({@code faq/variants.yaml}:
	 * abbreviations, informal spellings, chat English) and this knowledge base's
	 * synonyms.
	 */
	public ThaiAnalysis analysis() {
		ThaiAnalysis.Builder builder = ThaiAnalysis.builder();
		Set<String> own = new HashSet<>();
		this.synonyms.forEach((group) -> group.forEach((word) -> own.add(word.toLowerCase(Locale.ROOT))));
		for (List<String> group : VARIANTS) {
			// The FAQ file's own groups win over the shared list.
			if (group.stream().noneMatch((word) -> own.contains(word.toLowerCase(Locale.ROOT)))) {
				builder.synonyms(group);
			}
		}
		this.synonyms.forEach(builder::synonyms);
		return builder.build();
	}

	/** The shared variant list, read once. */
	private static final List<List<String>> VARIANTS = variants();

	private static List<List<String>> variants() {
		try (InputStream in = FaqKnowledgeBase.class.getClassLoader().getResourceAsStream(VARIANTS_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("No variant list '" + VARIANTS_RESOURCE + "'");
			}
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			Map<?, ?> top = map(
					new Yaml(new SafeConstructor(options)).load(new InputStreamReader(in, StandardCharsets.UTF_8)),
					"the variant list");
			List<List<String>> groups = new ArrayList<>();
			for (Object group : list(top.get("variants"), "variants", false)) {
				groups.add(strings(group, "a variant group"));
			}
			return List.copyOf(groups);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read variant list '" + VARIANTS_RESOURCE + "'", ex);
		}
	}

	/**
	 * The entry's answer in the language, with {@code {deadline}} written as a date in
	 * that language (Buddhist calendar in Thai), without what depends on the day it is
	 * said ({@code {status}}).
	 */
	public String answer(FaqEntry entry, Lang lang, Date deadline) {
		return answer(entry, lang, deadline, "");
	}

	/**
	 * The entry's answer in the language, with {@code {deadline}} written as a date in
	 * that language (Buddhist calendar in Thai) and {@code {status}} (where applying
	 * stands today) as its own paragraph.
	 */
	public String answer(FaqEntry entry, Lang lang, Date deadline, String status) {
		String text = entry.answer().get(lang);
		if (text.indexOf('{') < 0) {
			return text;
		}
		DateFormat format = DEADLINE_FORMATS.get(lang).clone();
		String filled = text.replace("{deadline}", format.format(deadline));
		int at = filled.indexOf("{status}");
		if (at < 0) {
			return filled;
		}
		String before = filled.substring(0, at).stripTrailing();
		String after = filled.substring(at + "{status}".length()).stripLeading();
		String paragraph = status.isBlank() ? "" : "\n\n" + status.strip();
		return (before + paragraph + (after.isEmpty() ? "" : "\n\n" + after)).strip();
	}

	private static Map<Lang, DateFormat> deadlineFormats() {
		Map<Lang, DateFormat> formats = new EnumMap<>(Lang.class);
		for (Lang lang : Lang.values()) {
			DateFormat format = DateFormat.getInstanceForSkeleton("dMMMMy", ULocale.forLocale(lang.locale()));
			format.setTimeZone(MessageCatalog.ZONE);
			formats.put(lang, format);
		}
		return formats;
	}

	/** Whether the entry's answer tells where applying stands today. */
	public static boolean tellsStatus(FaqEntry entry) {
		return entry.answer().values().stream().anyMatch((text) -> text.contains("{status}"));
	}

	private static FaqEntry entry(Map<?, ?> item) {
		String id = string(item.get("id"), "an entry's id");
		if (!ID.matcher(id).matches()) {
			throw new IllegalStateException("FAQ entry id '" + id + "' must be lower-case words joined by '-'");
		}
		Map<Lang, String> topic = perLang(item.get("topic"), id, "topic");
		topic.forEach((lang, label) -> {
			if (label.length() > MAX_TOPIC_LENGTH) {
				throw new IllegalStateException("FAQ entry '" + id + "': topic." + lang.code() + " '" + label
						+ "' is longer than " + MAX_TOPIC_LENGTH + " characters (LINE's quick-reply limit)");
			}
		});
		Map<?, ?> questionMap = map(item.get("questions"), "questions of '" + id + "'");
		Map<Lang, List<String>> questions = new EnumMap<>(Lang.class);
		for (Lang lang : Lang.values()) {
			List<String> phrasings = strings(questionMap.get(lang.code()),
					"questions." + lang.code() + " of '" + id + "'");
			if (phrasings.isEmpty()) {
				throw new IllegalStateException("FAQ entry '" + id + "' has no questions." + lang.code());
			}
			questions.put(lang, phrasings);
		}
		Map<Lang, String> answer = perLang(item.get("answer"), id, "answer");
		answer.forEach((lang, text) -> checkAnswer(id, lang, text));
		List<String> answers = null;
		if (item.containsKey("answers")) {
			answers = strings(item.get("answers"), "answers of '" + id + "'");
			for (String kind : answers) {
				if (!FaqDocument.KINDS.contains(kind)) {
					throw new IllegalStateException(
							"FAQ entry '" + id + "': answers names '" + kind + "'; known kinds: " + FaqDocument.KINDS);
				}
			}
		}
		Integer round = null;
		if (item.containsKey("round")) {
			if (!(item.get("round") instanceof Integer number) || number < 1) {
				throw new IllegalStateException("FAQ entry '" + id
						+ "': round must be a round's number (1, 2 …), found " + describe(item.get("round")));
			}
			round = number;
		}
		List<String> people = item.containsKey("people") ? strings(item.get("people"), "people of '" + id + "'")
				: List.of();
		return new FaqEntry(id, topic, questions, answer, answers, round, people);
	}

	private static void checkAnswer(String id, Lang lang, String text) {
		if (text.length() > MAX_ANSWER_LENGTH) {
			throw new IllegalStateException("FAQ entry '" + id + "': answer." + lang.code() + " is longer than "
					+ MAX_ANSWER_LENGTH + " characters (LINE's limit)");
		}
		Matcher placeholder = PLACEHOLDER.matcher(text);
		while (placeholder.find()) {
			if (!PLACEHOLDERS.contains(placeholder.group(1))) {
				throw new IllegalStateException("FAQ entry '" + id + "': answer." + lang.code()
						+ " refers to an unknown value '{" + placeholder.group(1) + "}'; known: " + PLACEHOLDERS);
			}
		}
	}

	private static Map<Lang, String> perLang(Object value, String id, String field) {
		Map<?, ?> map = map(value, field + " of '" + id + "'");
		Map<Lang, String> out = new EnumMap<>(Lang.class);
		for (Lang lang : Lang.values()) {
			out.put(lang, string(map.get(lang.code()), field + "." + lang.code() + " of '" + id + "'"));
		}
		return out;
	}

	private static Map<?, ?> map(Object value, String what) {
		if (value instanceof Map<?, ?> map) {
			return map;
		}
		throw new IllegalStateException("FAQ: expected a mapping for " + what + ", found " + describe(value));
	}

	private static List<?> list(Object value, String what, boolean optional) {
		if (value == null && optional) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list;
		}
		throw new IllegalStateException("FAQ: expected a list for " + what + ", found " + describe(value));
	}

	private static List<String> strings(Object value, String what) {
		List<String> out = new ArrayList<>();
		for (Object item : list(value, what, false)) {
			out.add(string(item, "an item of " + what));
		}
		return out;
	}

	private static String string(Object value, String what) {
		if (value instanceof String text && !text.isBlank()) {
			return text.strip();
		}
		throw new IllegalStateException("FAQ: expected text for " + what + ", found " + describe(value));
	}

	private static String describe(Object value) {
		return (value == null) ? "nothing" : value.getClass().getSimpleName() + " '" + value + "'";
	}

}
