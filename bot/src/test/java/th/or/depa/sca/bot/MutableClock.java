package th.or.depa.sca.bot;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A clock a test sets, injected into the bot in place of the system clock, for answers
 * and deadlines at chosen instants.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> now;

	public MutableClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	/** Moves the clock to an instant. */
	public void set(Instant instant) {
		this.now.set(instant);
	}

	/** Moves the clock to a local time in Thailand, e.g. "2022-07-21T23:59:59". */
	public void setBangkok(String localDateTime) {
		set(java.time.LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Bangkok")).toInstant());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The bot works in instants");
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	/** Puts one mutable clock into a test's bot. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.now());
		}

	}

}
