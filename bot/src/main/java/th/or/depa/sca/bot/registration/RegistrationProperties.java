package th.or.depa.sca.bot.registration;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Registration settings.
 *
 * @param draftTtl an unfinished form untouched this long is dropped
 * @param resumeAfter a user coming back after this long is asked whether to continue or
 * start over
 * @param reminderBefore how long before the close users with an unfinished form are
 * reminded, once
 * @param reminderCheck how often the reminder looks whether it is due
 * @param retentionMonths how long applications are kept after the round closes, as the
 * privacy notice says
 * @param maxFailures refused answers to one question before staff are offered
 * @param retentionCheck how often applications past their retention are erased
 */
@Validated
@ConfigurationProperties("bot.registration")
public record RegistrationProperties(@NotNull @DefaultValue("7d") Duration draftTtl,
		@NotNull @DefaultValue("30m") Duration resumeAfter, @NotNull @DefaultValue("24h") Duration reminderBefore,
		@NotNull @DefaultValue("1m") Duration reminderCheck, @Min(1) @DefaultValue("24") int retentionMonths,
		@Min(1) @DefaultValue("3") int maxFailures, @NotNull @DefaultValue("1h") Duration retentionCheck) {
}
