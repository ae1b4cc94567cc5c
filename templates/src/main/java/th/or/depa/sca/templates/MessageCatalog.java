package th.or.depa.sca.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;

/**
 * The bot's sentences in every {@link Lang}, formatted with ICU MessageFormat so that
 * dates and numbers follow the reader's locale (Thai dates in the Buddhist calendar).
 */
public final class MessageCatalog {

	/** The program's time zone: every date the bot shows is a date in Thailand. */
	public static final TimeZone ZONE = TimeZone.getFrozenTimeZone("Asia/Bangkok");

	private final Map<Lang, Properties> bundles = new EnumMap<>(Lang.class);

	// Parsing a pattern and loading its locale data costs far more than formatting, so
	// each pattern is compiled once per thread. Formats are not thread-safe, and a clone
	// is no way out: ICU's MessageFormat.clone() shares its date and number formats with
	// the original, so two threads formatting one message at once garbled its date or
	// failed.
	private final ThreadLocal<Map<Lang, Map<String, MessageFormat>>> compiled = ThreadLocal
		.withInitial(() -> new EnumMap<>(Lang.class));

	private MessageCatalog() {
		for (Lang lang : Lang.values()) {
			this.bundles.put(lang, load("catalog/messages_" + lang.code() + ".properties"));
		}
	}

	/** Loads the catalog shipped in this module. */
	public static MessageCatalog load() {
		return new MessageCatalog();
	}

	/** Returns the text for a key, formatted with named arguments. */
	public String text(Lang lang, MessageKey key, Map<String, ?> args) {
		return text(lang, key.key(), args);
	}

	private static MessageFormat compile(String pattern, Lang lang) {
		MessageFormat format = new MessageFormat(pattern, lang.locale());
		// MessageFormat builds its date formats in the JVM's zone; servers run in UTC.
		// getFormats() hands out the formats it uses, so zoning them in place is enough.
		for (java.text.Format sub : format.getFormats()) {
			if (sub instanceof DateFormat date) {
				date.setTimeZone(ZONE);
			}
		}
		return format;
	}

	/**
	 * Returns the text for a key named in configuration (a form's questions and labels),
	 * formatted with named arguments.
	 * @throws IllegalStateException naming the key if the catalog lacks it
	 */
	public String text(Lang lang, String key, Map<String, ?> args) {
		String pattern = pattern(lang, key);
		if (pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0) {
			return pattern;
		}
		MessageFormat format = this.compiled.get()
			.computeIfAbsent(lang, (l) -> new HashMap<>())
			.computeIfAbsent(key, (k) -> compile(pattern, lang));
		return format.format(args);
	}

	/** Whether the catalog has a key in a language (optional, per-field sentences). */
	public boolean has(Lang lang, String key) {
		return this.bundles.get(lang).getProperty(key) != null;
	}

	/** Returns the text for a key that takes no arguments. */
	public String text(Lang lang, MessageKey key) {
		return text(lang, key, Map.of());
	}

	/** The keys present in one language's catalog, for the consistency tests. */
	public Set<String> keys(Lang lang) {
		return this.bundles.get(lang).stringPropertyNames();
	}

	String pattern(Lang lang, String key) {
		String pattern = this.bundles.get(lang).getProperty(key);
		if (pattern == null) {
			throw new IllegalStateException("No message '" + key + "' in the " + lang.code() + " catalog");
		}
		return pattern;
	}

	private static Properties load(String resource) {
		try (InputStream in = MessageCatalog.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No catalog resource '" + resource + "'");
			}
			Properties properties = new Properties();
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read catalog resource '" + resource + "'", ex);
		}
	}

}
