package th.or.depa.sca.domain.round;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One recruitment round: applications are accepted from {@code opens} (inclusive) until
 * {@code closes} (exclusive), so a round that ends "on 21 July 2022" in Thailand closes
 * at 2022-07-22T00:00+07:00.
 *
 * @param id stable id, e.g. {@code round-2}
 * @param number the round's number as the program counts them (2 for the seed's round)
 * @param opens first instant applications are accepted
 * @param closes first instant applications are refused
 * @param quotas seats per applicant type, as announced (empty if not announced)
 * @param demo whether this is a demonstration round (simulator mode only)
 */
public record Round(String id, int number, Instant opens, Instant closes, Map<ApplicantType, Integer> quotas,
		boolean demo) {

	public Round {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(opens, "opens");
		Objects.requireNonNull(closes, "closes");
		if (number < 1) {
			throw new IllegalArgumentException("Round '" + id + "': number must be 1 or more, was " + number);
		}
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException(
					"Round '" + id + "': opens " + opens + " is not before closes " + closes);
		}
		quotas = quotas.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(quotas));
	}

	/** Where this round stands at an instant. */
	public RoundState state(Instant now) {
		if (now.isBefore(this.opens)) {
			return RoundState.NOT_YET_OPEN;
		}
		return now.isBefore(this.closes) ? RoundState.OPEN : RoundState.CLOSED;
	}

	/** Whether an application submitted at this instant is accepted. */
	public boolean accepts(Instant now) {
		return state(now) == RoundState.OPEN;
	}

	/** The last day applications are accepted, as a date in the zone. */
	public LocalDate lastDay(ZoneId zone) {
		return this.closes.minusNanos(1).atZone(zone).toLocalDate();
	}

	/** The first day applications are accepted, as a date in the zone. */
	public LocalDate firstDay(ZoneId zone) {
		return this.opens.atZone(zone).toLocalDate();
	}

	/**
	 * Calendar days left to apply, counting today and the last day: 1 on the closing day,
	 * 0 once closed.
	 */
	public long daysLeft(Instant now, ZoneId zone) {
		if (state(now) != RoundState.OPEN) {
			return 0;
		}
		return ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), lastDay(zone)) + 1;
	}

	/** The round with another window, e.g. from the environment's overrides. */
	public Round withWindow(Instant opens, Instant closes) {
		return new Round(this.id, this.number, opens, closes, this.quotas, this.demo);
	}

	/** The seats for one type, or 0 if none were announced. */
	public int quota(ApplicantType type) {
		return this.quotas.getOrDefault(type, 0);
	}

	/** How long the round accepts applications. */
	public Duration length() {
		return Duration.between(this.opens, this.closes);
	}

}
