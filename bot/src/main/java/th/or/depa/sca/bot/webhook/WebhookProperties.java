package th.or.depa.sca.bot.webhook;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The webhook endpoint.
 *
 * @param bodyTimeout how long a webhook's body may take to arrive once its headers have:
 * LINE sends its small bodies at once, so a slower sender is refused with 408 and its
 * connection closed
 */
@Validated
@ConfigurationProperties("bot.webhook")
public record WebhookProperties(@NotNull @DefaultValue("2s") Duration bodyTimeout) {
}
