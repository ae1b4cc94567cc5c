package th.or.depa.sca.nlp.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

import th.or.depa.sca.nlp.ThaiText;
import th.or.depa.sca.nlp.parse.Parsed.Reason;

/**
 * Recognises a Thai province by its Thai or English name, a common alias or a well-known
 * district, tolerating typos.
 *
 * <p>
 * A well-known district ("หาดใหญ่", "พัทยา", "หัวหิน") is not a province, yet people
 * answer with it; rather than reject it, the parser returns its province as a match to
 * confirm ({@code exact == false}), just like a typo. Typos are matched by
 * Damerau-Levenshtein distance: none for keys of up to 3 characters (aliases like "bkk"
 * and "cnx" must be exact), 1 edit up to 7 characters, 2 edits beyond. When two provinces
 * are equally close the answer is {@link Reason#AMBIGUOUS} and
 * {@link #suggest(String, int)} lists them.
 */
public final class ProvinceParser implements Parser<ProvinceMatch> {

	private static final String RESOURCE = "provinces.tsv";

	// "อยู่ (ที่) จังหวัด ...": where one lives is how the question is often
	// answered.
	private static final Pattern PREFIX = Pattern
		.compile("^(?:อยู่\\s*(?:ที่\\s*)?)?(?:จังหวัด|จ\\.|จ\\s|changwat\\s|province of\\s)?\\s*");

	private static final Pattern SUFFIX = Pattern.compile("\\s+province$");

	// So that "Chon Buri" = "chonburi", "กทม." = "กทม" and "กรุงเทพฯ" = "กรุงเทพ".
	private static final Pattern IGNORED = Pattern.compile("[\\s.'\\p{Pd}ฯ]+");

	private final List<Province> provinces;

	private final Map<String, Province> names;

	private final Map<String, Province> districts;

	/**
	 * Creates a parser over the provinces listed in {@code provinces.tsv} next to this
	 * class.
	 */
	public ProvinceParser() {
		this.provinces = new ArrayList<>();
		this.names = new HashMap<>();
		this.districts = new HashMap<>();
		try (InputStream in = ProvinceParser.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("No resource '" + RESOURCE + "' next to " + ProvinceParser.class);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					add(line.split("\t", -1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

	private void add(String[] fields) {
		if (fields.length != 5) {
			throw new IllegalStateException(RESOURCE + ": " + fields.length + " fields for " + fields[0] + ", not 5");
		}
		Province province = new Province(fields[0], fields[1], fields[2]);
		if (this.provinces.stream().anyMatch(p -> p.code().equals(province.code()))) {
			throw new IllegalStateException(RESOURCE + ": " + province.code() + " appears twice");
		}
		this.provinces.add(province);
		register(this.names, province, fields[1]);
		register(this.names, province, fields[2]);
		for (String alias : fields[3].split(",")) {
			register(this.names, province, alias);
		}
		for (String district : fields[4].split(",")) {
			register(this.districts, province, district);
		}
	}

	private void register(Map<String, Province> keys, Province province, String name) {
		String key = nameKey(name);
		if (key.isEmpty()) {
			return;
		}
		Province other = (keys == this.names) ? this.districts.get(key) : this.names.get(key);
		Province previous = keys.putIfAbsent(key, province);
		if ((previous != null && previous != province) || other != null) {
			throw new IllegalStateException(RESOURCE + ": '" + name + "' names more than one place");
		}
	}

	/**
	 * Returns all provinces in the order of their ISO codes.
	 */
	public List<Province> all() {
		return List.copyOf(this.provinces);
	}

	@Override
	public Parsed<ProvinceMatch> parse(String text) {
		String key = key(text);
		if (key.isEmpty()) {
			return new Parsed.Invalid<>(Reason.EMPTY);
		}
		Province exact = this.names.get(key);
		if (exact != null) {
			return new Parsed.Valid<>(new ProvinceMatch(exact, true));
		}
		Province district = this.districts.get(key);
		if (district != null) {
			return new Parsed.Valid<>(new ProvinceMatch(district, false));
		}
		Map<Province, Integer> near = distances(key);
		int best = near.values().stream().min(Integer::compare).orElse(Integer.MAX_VALUE);
		List<Province> closest = near.keySet().stream().filter(p -> near.get(p) == best).toList();
		return switch (closest.size()) {
			case 0 -> new Parsed.Invalid<>(Reason.UNKNOWN_PROVINCE);
			case 1 -> new Parsed.Valid<>(new ProvinceMatch(closest.get(0), false));
			default -> new Parsed.Invalid<>(Reason.AMBIGUOUS);
		};
	}

	/**
	 * Returns up to {@code max} provinces the user may have meant, closest first: the one
	 * province for an exact name or district, otherwise those within the typo distance.
	 */
	public List<Province> suggest(String text, int max) {
		String key = key(text);
		Province exact = this.names.getOrDefault(key, this.districts.get(key));
		if (exact != null) {
			return List.of(exact);
		}
		Map<Province, Integer> near = distances(key);
		return near.keySet()
			.stream()
			.sorted(Comparator.comparing((Province p) -> near.get(p)).thenComparing(Province::code))
			.limit(max)
			.toList();
	}

	/**
	 * Returns the provinces within the typo distance allowed for {@code key}, each with
	 * its smallest distance over all its names and districts.
	 */
	private Map<Province, Integer> distances(String key) {
		int length = key.codePointCount(0, key.length());
		int maxEdits = (length <= 3) ? 0 : (length <= 7) ? 1 : 2;
		Map<Province, Integer> near = new LinkedHashMap<>();
		if (maxEdits == 0) {
			return near;
		}
		// One automaton per distance accepts every string within it; Lucene builds
		// them for fuzzy queries, transpositions ("chaing" for "chiang") counting as
		// one edit.
		LevenshteinAutomata levenshtein = new LevenshteinAutomata(key, true);
		List<CharacterRunAutomaton> within = new ArrayList<>();
		for (int edits = 1; edits <= maxEdits; edits++) {
			within.add(new CharacterRunAutomaton(levenshtein.toAutomaton(edits)));
		}
		List<Map.Entry<String, Province>> entries = new ArrayList<>(this.names.entrySet());
		entries.addAll(this.districts.entrySet());
		for (Map.Entry<String, Province> entry : entries) {
			for (int edits = 1; edits <= maxEdits; edits++) {
				if (within.get(edits - 1).run(entry.getKey())) {
					near.merge(entry.getValue(), edits, Math::min);
					break;
				}
			}
		}
		return near;
	}

	private static String key(String text) {
		String s = Particles.stripTrailing(ThaiText.normalize(text));
		return nameKey(SUFFIX.matcher(PREFIX.matcher(s).replaceFirst("")).replaceFirst(""));
	}

	private static String nameKey(String name) {
		return IGNORED.matcher(ThaiText.normalize(name)).replaceAll("");
	}

}
