package th.or.depa.sca.domain.round;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The program's rounds in the order they open, and what is true about applying at any
 * instant. Every answer about applying is worked out from here when it is said, never
 * stored.
 */
public final class RoundCalendar {

	private final List<Round> rounds;

	private final ZoneId zone;

	public RoundCalendar(List<Round> rounds, ZoneId zone) {
		if (rounds.isEmpty()) {
			throw new IllegalArgumentException("At least one round is needed");
		}
		List<Round> sorted = new ArrayList<>(rounds);
		sorted.sort(Comparator.comparing(Round::opens));
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i).opens().isBefore(sorted.get(i - 1).closes())) {
				throw new IllegalArgumentException("Rounds '" + sorted.get(i - 1).id() + "' and '" + sorted.get(i).id()
						+ "' overlap: only one round accepts applications at a time");
			}
		}
		if (sorted.stream().map(Round::id).distinct().count() != sorted.size()) {
			throw new IllegalArgumentException("Two rounds share an id");
		}
		if (sorted.stream().map(Round::number).distinct().count() != sorted.size()) {
			// Application numbers (SCA2-Y-000001) are made from the round's number.
			throw new IllegalArgumentException("Two rounds share a number; each round needs its own");
		}
		this.rounds = List.copyOf(sorted);
		this.zone = Objects.requireNonNull(zone, "zone");
	}

	/** The program's time zone, in which closing days are stated. */
	public ZoneId zone() {
		return this.zone;
	}

	/** Every round, earliest first. */
	public List<Round> rounds() {
		return this.rounds;
	}

	/** The round with this id, if any. */
	public Optional<Round> byId(String id) {
		return this.rounds.stream().filter((round) -> round.id().equals(id)).findFirst();
	}

	/** The round with this number, if any. */
	public Optional<Round> byNumber(int number) {
		return this.rounds.stream().filter((round) -> round.number() == number).findFirst();
	}

	/** What is true about applying at this instant. */
	public Availability at(Instant now) {
		for (Round round : this.rounds) {
			switch (round.state(now)) {
				case OPEN:
					return new Availability.Open(round, round.daysLeft(now, this.zone));
				case NOT_YET_OPEN:
					return new Availability.NotYetOpen(round);
				case CLOSED:
					break;
			}
		}
		return new Availability.Closed(this.rounds.get(this.rounds.size() - 1));
	}

	/** The round accepting applications at this instant, if any. */
	public Optional<Round> open(Instant now) {
		return (at(now) instanceof Availability.Open open) ? Optional.of(open.round()) : Optional.empty();
	}

}
