package th.or.depa.sca.bot.handoff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When staff answer: office days and hours in the office's zone. Public holidays are not
 * known to the bot; on one, users are told staff answer that day and staff answer the
 * next working day.
 *
 * @param days days staff work
 * @param opens start of the working day
 * @param closes end of the working day
 * @param zone the office's zone
 */
public record OfficeHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, ZoneId zone) {

	public OfficeHours {
		if (days.isEmpty()) {
			throw new IllegalArgumentException("Office hours need at least one day");
		}
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException(
					"Office hours must open (" + opens + ") before they close (" + closes + ")");
		}
		days = Set.copyOf(days);
	}

	/** Whether staff are at work at this moment. */
	public boolean isOpen(Instant now) {
		ZonedDateTime local = now.atZone(this.zone);
		LocalTime time = local.toLocalTime();
		return this.days.contains(local.getDayOfWeek()) && !time.isBefore(this.opens) && time.isBefore(this.closes);
	}

	/** When today's office hours end (meaningful while {@link #isOpen}). */
	public ZonedDateTime closingToday(Instant now) {
		return now.atZone(this.zone).with(this.closes);
	}

	/** The next moment office hours start, strictly after now. */
	public ZonedDateTime nextOpening(Instant now) {
		ZonedDateTime local = now.atZone(this.zone);
		ZonedDateTime candidate = local.with(this.opens);
		if (!candidate.isAfter(local)) {
			candidate = candidate.plusDays(1);
		}
		while (!this.days.contains(candidate.getDayOfWeek())) {
			candidate = candidate.plusDays(1);
		}
		return candidate;
	}

}
