package th.or.depa.sca.bot.handoff;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends the requests nobody answered within {@code BOT_HANDOFF_MAX_PAUSE}, also for users
 * who never write again: each gets an internal event on its chat, so the user is told and
 * the bot answers again. One instance at a time runs it (ShedLock).
 */
@Component
class HandoffExpiry {

	private final HandoffDesk desk;

	private final HandoffProperties properties;

	private final Clock clock;

	HandoffExpiry(HandoffDesk desk, HandoffProperties properties, ObjectProvider<Clock> clock) {
		this.desk = desk;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Scheduled(fixedDelayString = "${bot.handoff.expiry-check:5m}",
			initialDelayString = "${bot.handoff.expiry-check:5m}")
	@SchedulerLock(name = "handoff-expiry", lockAtMostFor = "10m", lockAtLeastFor = "1s")
	void expireUnanswered() {
		for (String chat : this.desk.waitingSince(this.clock.instant().minus(this.properties.maxPause()))) {
			this.desk.expire(chat);
		}
	}

}
