package th.or.depa.sca.bot.registration;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.depa.sca.bot.rounds.ApplyingStatus;
import th.or.depa.sca.domain.application.ApplicationRepository;
import th.or.depa.sca.domain.round.Round;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the privacy notice's promise: once a round closed {@code retention-months} ago,
 * the personal data of its applications is erased (the anonymous records stay for
 * counts). Runs on one instance at a time (ShedLock) and is safe to repeat.
 */
@Component
class ApplicationRetention {

	private static final Logger log = LoggerFactory.getLogger(ApplicationRetention.class);

	private final ApplicationRepository applications;

	private final ApplyingStatus status;

	private final RegistrationProperties properties;

	private final Clock clock;

	ApplicationRetention(ApplicationRepository applications, ApplyingStatus status, RegistrationProperties properties,
			ObjectProvider<Clock> clock) {
		this.applications = applications;
		this.status = status;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Scheduled(fixedDelayString = "${bot.registration.retention-check:1h}",
			initialDelayString = "${bot.registration.retention-check:1h}")
	@SchedulerLock(name = "application-retention", lockAtMostFor = "30m", lockAtLeastFor = "5s")
	void eraseExpired() {
		erase(this.clock.instant());
	}

	/**
	 * Erases the applications of every round whose retention is over at this instant.
	 * @return how many were erased now
	 */
	int erase(Instant now) {
		int erased = 0;
		for (Round round : this.status.calendar().rounds()) {
			Instant until = round.closes()
				.atZone(this.status.calendar().zone())
				.plusMonths(this.properties.retentionMonths())
				.toInstant();
			if (!now.isBefore(until)) {
				int count = this.applications.eraseRound(round, now);
				if (count > 0) {
					log.atInfo()
						.setMessage("applications erased at the end of their retention")
						.addKeyValue("round", round.id())
						.addKeyValue("count", count)
						.log();
				}
				erased += count;
			}
		}
		return erased;
	}

}
