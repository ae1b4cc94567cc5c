package th.or.depa.sca.bot.rounds;

import java.time.OffsetDateTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Overrides of the current round's window from the environment
 * ({@code REGISTRATION_OPENS_AT}, {@code REGISTRATION_CLOSES_AT}), e.g. when the program
 * extends a deadline before the rounds file is edited.
 *
 * @param opensAt the first instant applications are accepted
 * @param closesAt the first instant applications are refused
 */
@ConfigurationProperties("registration")
public record RegistrationWindowProperties(OffsetDateTime opensAt, OffsetDateTime closesAt) {
}
