package th.or.depa.sca.templates.rounds;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import th.or.depa.sca.domain.round.ApplicantType;
import th.or.depa.sca.domain.round.Round;
import th.or.depa.sca.domain.round.RoundCalendar;

/**
 * Reads the rounds file and checks it whole, naming the round and field of the first
 * problem, so that a bad edit stops the bot at start-up instead of misleading users.
 */
public final class RoundsFile {

	/** The file shipped in this module. */
	public static final String RESOURCE = "rounds/rounds.yaml";

	private static final Set<String> FIELDS = Set.of("id", "number", "opens", "opensAt", "lastDay", "closesAt",
			"quotas");

	private RoundsFile() {
	}

	/** The rounds shipped in this module. */
	public static RoundCalendar load() {
		try (InputStream in = RoundsFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("No rounds resource '" + RESOURCE + "'");
			}
			return load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read rounds resource '" + RESOURCE + "'", ex);
		}
	}

	/** Reads and checks rounds in the format of {@code rounds/rounds.yaml}. */
	public static RoundCalendar load(Reader yaml) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		// Dates stay text: SnakeYAML would read 2022-07-04 as a java.util.Date in UTC.
		Object root = new Yaml(new SafeConstructor(options) {
			{
				this.yamlConstructors.put(org.yaml.snakeyaml.nodes.Tag.TIMESTAMP,
						this.yamlConstructors.get(org.yaml.snakeyaml.nodes.Tag.STR));
			}
		}).load(yaml);
		if (!(root instanceof Map<?, ?> top)) {
			throw new IllegalStateException("Rounds file: expected a mapping with 'zone' and 'rounds'");
		}
		ZoneId zone;
		try {
			zone = ZoneId.of(String.valueOf(top.get("zone")));
		}
		catch (DateTimeException ex) {
			throw new IllegalStateException("Rounds file: 'zone' must be a time zone such as Asia/Bangkok", ex);
		}
		if (!(top.get("rounds") instanceof List<?> items) || items.isEmpty()) {
			throw new IllegalStateException("Rounds file: 'rounds' must list at least one round");
		}
		List<Round> rounds = new ArrayList<>();
		for (Object item : items) {
			rounds.add(round(item, zone));
		}
		try {
			return new RoundCalendar(rounds, zone);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Rounds file: " + ex.getMessage(), ex);
		}
	}

	private static Round round(Object item, ZoneId zone) {
		if (!(item instanceof Map<?, ?> fields)) {
			throw new IllegalStateException("Rounds file: each round must be a mapping");
		}
		String id = String.valueOf(fields.get("id"));
		if (fields.get("id") == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			throw new IllegalStateException(
					"Rounds file: a round's id must be lower-case words joined by '-', was '" + fields.get("id") + "'");
		}
		for (Object field : fields.keySet()) {
			if (!FIELDS.contains(String.valueOf(field))) {
				throw new IllegalStateException("Round '" + id + "': unknown field '" + field + "'; known: "
						+ FIELDS.stream().sorted().toList());
			}
		}
		if (!(fields.get("number") instanceof Integer number)) {
			throw new IllegalStateException("Round '" + id + "': 'number' must be a whole number");
		}
		Instant opens = instant(fields, id, "opens", "opensAt", zone, false);
		Instant closes = instant(fields, id, "lastDay", "closesAt", zone, true);
		Map<ApplicantType, Integer> quotas = new EnumMap<>(ApplicantType.class);
		if (fields.get("quotas") instanceof Map<?, ?> seats) {
			seats.forEach((type, value) -> {
				ApplicantType applicant = ApplicantType.fromCode(String.valueOf(type))
					.orElseThrow(() -> new IllegalStateException(
							"Round '" + id + "': unknown quota type '" + type + "' (youth or city)"));
				if (!(value instanceof Integer count) || count < 1) {
					throw new IllegalStateException("Round '" + id + "': quota of " + type + " must be 1 or more");
				}
				quotas.put(applicant, count);
			});
		}
		else if (fields.containsKey("quotas")) {
			throw new IllegalStateException("Round '" + id + "': 'quotas' must map youth/city to numbers");
		}
		try {
			return new Round(id, number, opens, closes, quotas, false);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	private static Instant instant(Map<?, ?> fields, String id, String dayField, String instantField, ZoneId zone,
			boolean endOfDay) {
		boolean hasDay = fields.containsKey(dayField);
		boolean hasInstant = fields.containsKey(instantField);
		if (hasDay == hasInstant) {
			throw new IllegalStateException(
					"Round '" + id + "': give exactly one of '" + dayField + "' and '" + instantField + "'");
		}
		String value = String.valueOf(fields.get(hasDay ? dayField : instantField));
		try {
			if (hasDay) {
				LocalDate day = LocalDate.parse(value);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException ex) {
			throw new IllegalStateException("Round '" + id + "': '" + (hasDay ? dayField : instantField) + "' is '"
					+ value + "', expected " + (hasDay ? "a date such as 2022-07-21"
							: "an ISO-8601 time with offset such as 2022-07-22T00:00:00+07:00"),
					ex);
		}
	}

}
