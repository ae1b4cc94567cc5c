package th.or.depa.sca.bot.session;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Conversation session settings.
 *
 * @param idleTtl a session untouched this long is forgotten
 */
@Validated
@ConfigurationProperties("bot.session")
public record SessionProperties(@NotNull @DefaultValue("30d") Duration idleTtl) {
}
