package th.or.depa.sca.bot.rounds;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import th.or.depa.sca.domain.round.Availability;
import th.or.depa.sca.domain.round.Round;
import th.or.depa.sca.domain.round.RoundCalendar;
import th.or.depa.sca.nlp.faq.RoundsAsked;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.MessageCatalog;
import th.or.depa.sca.templates.MessageKey;

import org.springframework.stereotype.Component;

/**
 * What is true about applying at the moment a reply is made: a round is open (until when,
 * how many days are left), one opens later, or none is open. Worked out from the rounds
 * and the clock every time, never stored; only the wording of each outcome is remembered
 * (formatting its dates costs more than answering the question).
 */
@Component
public class ApplyingStatus {

	private final RoundCalendar calendar;

	private final MessageCatalog catalog;

	/** Sentences already worded, by what they say; a few per round and language. */
	private final Map<Said, String> worded = new ConcurrentHashMap<>();

	ApplyingStatus(RoundCalendar calendar, MessageCatalog catalog) {
		this.calendar = calendar;
		this.catalog = catalog;
	}

	/** Where applying stands now. */
	public Availability at(Instant now) {
		return this.calendar.at(now);
	}

	/** The round accepting applications now, if any. */
	public Optional<Round> open(Instant now) {
		return this.calendar.open(now);
	}

	/** The rounds. */
	public RoundCalendar calendar() {
		return this.calendar;
	}

	/**
	 * One paragraph saying where applying stands: open until a date with the days left,
	 * opening on a date, or closed since a date with no next round announced.
	 */
	public String sentence(Lang lang, Instant now) {
		Availability availability = at(now);
		long days = availability.round().daysLeft(now, this.calendar.zone());
		Said said = new Said(lang, availability, days);
		String known = this.worded.get(said);
		if (known != null) {
			return known;
		}
		if (this.worded.size() > 256) {
			// Days go by and rounds change: what is no longer said goes.
			this.worded.clear();
		}
		String text = word(lang, availability, days);
		this.worded.put(said, text);
		return text;
	}

	/** What a status sentence says, all it depends on. */
	private record Said(Lang lang, Availability availability, long days) {
	}

	private String word(Lang lang, Availability availability, long days) {
		Round round = availability.round();
		Map<String, Object> args = new java.util.HashMap<>(roundArgs(round));
		args.put("days", days);
		String text = switch (availability) {
			case Availability.Open open -> this.catalog.text(lang, MessageKey.ROUND_STATUS_OPEN, args);
			case Availability.NotYetOpen notYet -> this.catalog.text(lang, MessageKey.ROUND_STATUS_NOT_YET, args);
			case Availability.Closed closed -> this.catalog.text(lang, MessageKey.ROUND_STATUS_CLOSED, args);
		};
		return round.demo() ? text + " " + this.catalog.text(lang, MessageKey.ROUND_DEMO_NOTE) : text;
	}

	/** Whether the user can only be offered to hear when a round opens. */
	public boolean offersNextRound(Instant now) {
		return !(at(now) instanceof Availability.Open);
	}

	/**
	 * The round a message asks about when that round has not been announced ("รุ่น 3",
	 * "next round" once the last round is over); empty for a round the bot knows or a
	 * message about no particular round.
	 */
	public OptionalInt unannouncedRoundAskedAbout(String text, Instant now) {
		int newest = this.calendar.rounds().stream().mapToInt(Round::number).max().orElse(0);
		return RoundsAsked.beyond(text, newest, at(now) instanceof Availability.Closed);
	}

	/**
	 * A round's number, first instant and last day as the catalog's sentences take them
	 * ({@code round}, {@code opens}, {@code lastDay}).
	 */
	public Map<String, Object> roundArgs(Round round) {
		return Map.of("round", round.number(), "opens", Date.from(round.opens()), "lastDay", lastDay(round), "until",
				Date.from(round.closes().minusSeconds(1)));
	}

	/**
	 * The last day as a date the catalog formats in Bangkok: noon of that day, so that no
	 * zone arithmetic can move it.
	 */
	private Date lastDay(Round round) {
		return Date.from(round.lastDay(this.calendar.zone()).atTime(12, 0).atZone(this.calendar.zone()).toInstant());
	}

}
