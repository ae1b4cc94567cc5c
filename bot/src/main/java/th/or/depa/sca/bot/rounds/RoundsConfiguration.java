package th.or.depa.sca.bot.rounds;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.depa.sca.domain.round.Availability;
import th.or.depa.sca.domain.round.Round;
import th.or.depa.sca.domain.round.RoundCalendar;
import th.or.depa.sca.templates.rounds.RoundsFile;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The rounds the bot knows: the rounds file, the environment's overrides of the current
 * round's window, and in simulator mode a demonstration round open from start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RoundsProperties.class, RegistrationWindowProperties.class })
class RoundsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RoundsConfiguration.class);

	/** The id of the simulator's demonstration round. */
	static final String DEMO_ID = "demo";

	@Bean
	RoundCalendar roundCalendar(RoundsProperties properties, RegistrationWindowProperties window,
			Environment environment, ObjectProvider<Clock> clock) {
		RoundCalendar calendar = read(properties);
		Instant now = clock.getIfAvailable(Clock::systemUTC).instant();
		calendar = overridden(calendar, window, now);
		// Simulator mode: a new user of the repository gets a round to try registration
		// in. Production never has one.
		if (th.or.depa.sca.bot.BotMode.simulator(environment) && !(calendar.at(now) instanceof Availability.Open)) {
			List<Round> rounds = new ArrayList<>(calendar.rounds());
			int number = rounds.stream().mapToInt(Round::number).max().orElse(0) + 1;
			Round latest = rounds.get(rounds.size() - 1);
			Instant opens = now.isBefore(latest.closes()) ? latest.closes() : now;
			// Open until the end of its last day, as real rounds are.
			Instant closes = opens.plus(properties.demoLength())
				.atZone(calendar.zone())
				.toLocalDate()
				.plusDays(1)
				.atStartOfDay(calendar.zone())
				.toInstant();
			rounds.add(new Round(DEMO_ID, number, opens, closes, latest.quotas(), true));
			calendar = new RoundCalendar(rounds, calendar.zone());
			log.atInfo().setMessage("simulator mode: demonstration round open").addKeyValue("round", number).log();
		}
		return calendar;
	}

	private static RoundCalendar read(RoundsProperties properties) {
		if (properties.file() == null) {
			return RoundsFile.load();
		}
		try (Reader reader = Files.newBufferedReader(properties.file(), StandardCharsets.UTF_8)) {
			return RoundsFile.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the rounds file " + properties.file(), ex);
		}
	}

	/**
	 * The current round (open now, else the next to open, else the last) with the window
	 * the environment gives.
	 */
	private static RoundCalendar overridden(RoundCalendar calendar, RegistrationWindowProperties window, Instant now) {
		if (window.opensAt() == null && window.closesAt() == null) {
			return calendar;
		}
		Round current = calendar.at(now).round();
		Instant opens = (window.opensAt() != null) ? window.opensAt().toInstant() : current.opens();
		Instant closes = (window.closesAt() != null) ? window.closesAt().toInstant() : current.closes();
		if (!opens.isBefore(closes)) {
			throw new IllegalStateException("REGISTRATION_OPENS_AT (" + opens
					+ ") must be before REGISTRATION_CLOSES_AT (" + closes + ") for round " + current.number());
		}
		List<Round> rounds = new ArrayList<>();
		for (Round round : calendar.rounds()) {
			rounds.add(round.id().equals(current.id()) ? round.withWindow(opens, closes) : round);
		}
		return new RoundCalendar(rounds, calendar.zone());
	}

}
