package th.or.depa.sca.bot.rounds;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the rounds come from.
 *
 * @param file a staff-edited rounds file replacing the shipped one; null for the shipped
 * one
 * @param demoLength how long the simulator's demonstration round stays open from start-up
 */
@Validated
@ConfigurationProperties("bot.rounds")
public record RoundsProperties(Path file, @NotNull @DefaultValue("30d") Duration demoLength) {
}
