package th.or.depa.sca.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flex Message JSON templates whose {@code {{key}}} placeholders are filled from the
 * {@link MessageCatalog}, so the JSON holds layout and the catalog holds words.
 */
public final class FlexTemplates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([$@]?)([a-zA-Z0-9._-]+)}}");

	private final MessageCatalog catalog;

	private final Map<String, String> sources = new ConcurrentHashMap<>();

	public FlexTemplates(MessageCatalog catalog) {
		this.catalog = catalog;
	}

	/** Returns the Flex container JSON of a template in a language. */
	public String render(String name, Lang lang) {
		return render(name, lang, Map.of());
	}

	/**
	 * Returns the JSON of a template in a language with values: {@code {{key}}} is a
	 * catalog sentence, {@code {{$name}}} a value written as JSON text (a user's answer,
	 * postback data) and {@code {{@name}}} a JSON fragment put in as it is (rows rendered
	 * from another template).
	 */
	public String render(String name, Lang lang, Map<String, String> values) {
		String source = this.sources.computeIfAbsent(name, FlexTemplates::read);
		Matcher matcher = PLACEHOLDER.matcher(source);
		StringBuilder out = new StringBuilder(source.length() + 256);
		while (matcher.find()) {
			String kind = matcher.group(1);
			String key = matcher.group(2);
			String text;
			if (kind.isEmpty()) {
				text = jsonEscape(this.catalog.pattern(lang, key));
			}
			else {
				String value = values.get(key);
				if (value == null) {
					throw new IllegalStateException("Flex template '" + name + "' needs a value '" + key + "'");
				}
				text = kind.equals("$") ? jsonEscape(value) : value;
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(text));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** The catalog keys a template refers to, for the consistency tests. */
	public Set<String> placeholders(String name) {
		Set<String> keys = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(this.sources.computeIfAbsent(name, FlexTemplates::read));
		while (matcher.find()) {
			if (matcher.group(1).isEmpty()) {
				keys.add(matcher.group(2));
			}
		}
		return keys;
	}

	private static String read(String name) {
		String resource = "flex/" + name + ".json";
		try (InputStream in = FlexTemplates.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No Flex template '" + name + "'");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read Flex template '" + name + "'", ex);
		}
	}

	static String jsonEscape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
