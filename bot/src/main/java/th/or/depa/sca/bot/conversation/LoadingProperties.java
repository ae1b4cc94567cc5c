package th.or.depa.sca.bot.conversation;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * LINE's loading animation, shown in one-to-one chats when an answer is slow.
 *
 * @param after how long an answer may take before the animation is shown
 * @param seconds how long LINE shows it at most (5 to 60, a multiple of 5); the answer
 * arriving ends it earlier
 */
@Validated
@ConfigurationProperties("bot.loading")
record LoadingProperties(@NotNull @DefaultValue("800ms") Duration after,
		@Min(5) @Max(60) @DefaultValue("20") int seconds) {

	LoadingProperties {
		if (seconds % 5 != 0) {
			throw new IllegalArgumentException("bot.loading.seconds must be a multiple of 5, got " + seconds);
		}
	}

}
