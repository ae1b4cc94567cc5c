package th.or.depa.sca.nlp.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

import th.or.depa.sca.nlp.ThaiText;
import th.or.depa.sca.nlp.segment.ThaiAnalysis;

/**
 * Recognises commands in what users type ("ขอคุยกับเจ้าหน้าที่หน่อยครับ", "English
 * please"). A typed message is a command only when, without its filler words, it is one
 * of the phrases in {@code intents.tsv} or one typo away from a longer one; everything
 * else is left to the FAQ.
 *
 * <p>
 * Immutable and thread-safe.
 */
public final class IntentRecognizer {

	private static final String PHRASES = "intents.tsv";

	/** Commands are short; a long message is a question even if it starts like one. */
	private static final int MAX_COMMAND_LENGTH = 60;

	/**
	 * Typo tolerance only for phrases this long: short words are one letter from others.
	 */
	private static final int MIN_FUZZY_LENGTH = 5;

	private final ThaiAnalysis analysis;

	private final Set<String> fillers;

	private final Map<String, IntentMatch> phrases;

	private final List<Fuzzy> fuzzy;

	private IntentRecognizer(ThaiAnalysis analysis, Set<String> fillers, List<String[]> rows) {
		this.analysis = analysis;
		this.fillers = Set.copyOf(fillers);
		Map<String, IntentMatch> phrases = new HashMap<>();
		List<Fuzzy> fuzzy = new ArrayList<>();
		for (String[] row : rows) {
			IntentMatch match = parseTarget(row[0]);
			String key = key(row[1]);
			if (key.isEmpty()) {
				throw new IllegalStateException("Intent phrase '" + row[1] + "' is only filler words");
			}
			IntentMatch previous = phrases.putIfAbsent(key, match);
			if (previous != null && !previous.equals(match)) {
				throw new IllegalStateException(
						"Intent phrase '" + row[1] + "' means both " + previous + " and " + match);
			}
			int length = key.codePointCount(0, key.length());
			if (length >= MIN_FUZZY_LENGTH) {
				fuzzy.add(new Fuzzy(new CharacterRunAutomaton(Operations.determinize(
						new LevenshteinAutomata(key, true).toAutomaton(1), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT)),
						length, match));
			}
		}
		this.phrases = Map.copyOf(phrases);
		this.fuzzy = List.copyOf(fuzzy);
	}

	/** The recognizer for the phrases shipped with this module. */
	public static IntentRecognizer standard(ThaiAnalysis analysis) {
		Set<String> fillers = new LinkedHashSet<>();
		List<String[]> rows = new ArrayList<>();
		for (String[] row : readRows()) {
			if (row[0].equals("filler")) {
				fillers.add(ThaiText.normalize(row[1]));
			}
			else {
				rows.add(row);
			}
		}
		return new IntentRecognizer(analysis, fillers, rows);
	}

	/** The command the user typed, if the message is one. */
	public Optional<IntentMatch> recognize(String text) {
		String normalized = this.analysis.normalized(text);
		if (normalized.isEmpty() || normalized.length() > MAX_COMMAND_LENGTH) {
			return Optional.empty();
		}
		String key = key(normalized);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		IntentMatch exact = this.phrases.get(key);
		if (exact != null) {
			return Optional.of(exact);
		}
		Set<IntentMatch> near = new HashSet<>();
		int length = key.codePointCount(0, key.length());
		for (Fuzzy candidate : this.fuzzy) {
			// One edit changes the length by one at most.
			if (Math.abs(candidate.length() - length) <= 1 && candidate.automaton().run(key)) {
				near.add(candidate.match());
			}
		}
		// Two commands one typo away: asking back is better than guessing.
		return (near.size() == 1) ? Optional.of(near.iterator().next()) : Optional.empty();
	}

	/** The phrase as compared: its words without fillers, joined without spaces. */
	private String key(String text) {
		StringBuilder key = new StringBuilder();
		for (String word : this.analysis.segments(text)) {
			if (!this.fillers.contains(word)) {
				key.append(word);
			}
		}
		return key.toString();
	}

	private static IntentMatch parseTarget(String target) {
		int colon = target.indexOf(':');
		String code = (colon < 0) ? target : target.substring(0, colon);
		Intent intent = Intent.fromCode(code)
			.orElseThrow(() -> new IllegalStateException("Unknown intent '" + code + "' in " + PHRASES));
		return new IntentMatch(intent, (colon < 0) ? "" : target.substring(colon + 1));
	}

	private static List<String[]> readRows() {
		InputStream in = IntentRecognizer.class.getResourceAsStream(PHRASES);
		if (in == null) {
			throw new IllegalStateException("Missing resource '" + PHRASES + "' next to " + IntentRecognizer.class);
		}
		List<String[]> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			int number = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] row = line.split("\t");
				if (row.length != 2 || row[1].isBlank()) {
					throw new IllegalStateException(PHRASES + " line " + number + ": expected 'intent<TAB>phrase'");
				}
				rows.add(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read '" + PHRASES + "'", ex);
		}
		return rows;
	}

	private record Fuzzy(CharacterRunAutomaton automaton, int length, IntentMatch match) {
	}

}
