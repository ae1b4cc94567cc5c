package th.or.depa.sca.bot.webhook;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of rejected webhooks (overload, unsigned requests) writes one log line per
 * outcome and interval, with the count, instead of one per request.
 */
class RejectionLogTests {

	private final Logger logger = (Logger) LoggerFactory.getLogger("test.rejections");

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	@BeforeEach
	void capture() {
		this.lines.start();
		this.logger.addAppender(this.lines);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.lines);
	}

	@Test
	void floodOfOneOutcomeIsOneLineWithinTheInterval() {
		RejectionLog log = new RejectionLog(this.logger, Duration.ofHours(1));
		for (int i = 0; i < 10_000; i++) {
			log.rejected("overloaded", 503);
		}
		assertThat(this.lines.list).hasSize(1);
		assertThat(keyValue(this.lines.list.get(0), "outcome")).isEqualTo("overloaded");
		assertThat(keyValue(this.lines.list.get(0), "count")).isEqualTo(1L);
	}

	@Test
	void eachOutcomeHasItsOwnLine() {
		RejectionLog log = new RejectionLog(this.logger, Duration.ofHours(1));
		log.rejected("overloaded", 503);
		log.rejected("bad-signature", 401);
		log.rejected("bad-signature", 401);
		assertThat(this.lines.list).extracting((line) -> keyValue(line, "outcome"))
			.containsExactly("overloaded", "bad-signature");
	}

	@Test
	void afterTheIntervalTheNextLineCountsWhatWasLeftOut() throws InterruptedException {
		RejectionLog log = new RejectionLog(this.logger, Duration.ofMillis(50));
		log.rejected("overloaded", 503);
		for (int i = 0; i < 99; i++) {
			log.rejected("overloaded", 503);
		}
		Thread.sleep(80);
		log.rejected("overloaded", 503);
		assertThat(this.lines.list).hasSize(2);
		assertThat(keyValue(this.lines.list.get(1), "count")).isEqualTo(100L);
	}

	private static Object keyValue(ILoggingEvent line, String key) {
		List<org.slf4j.event.KeyValuePair> pairs = line.getKeyValuePairs();
		return pairs.stream().filter((pair) -> pair.key.equals(key)).map((pair) -> pair.value).findFirst().orElse(null);
	}

}
