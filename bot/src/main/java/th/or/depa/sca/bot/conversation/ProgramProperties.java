package th.or.depa.sca.bot.conversation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Round 2 figures the bot states, from the program's press release
 * (docs/program-facts.md).
 *
 * @param round2Deadline last day applications are accepted
 * @param zone the program's time zone
 * @param youthSeats young people recruited in round 2
 * @param citySeats cities recruited in round 2
 */
@Validated
@ConfigurationProperties("bot.program")
public record ProgramProperties(@NotNull @DefaultValue("2022-07-21") LocalDate round2Deadline,
		@NotNull @DefaultValue("Asia/Bangkok") ZoneId zone, @Min(1) @DefaultValue("150") int youthSeats,
		@Min(1) @DefaultValue("150") int citySeats) {

	/** The deadline day's start in the program's zone, for formatting as a date. */
	public ZonedDateTime deadlineDay() {
		return this.round2Deadline.atStartOfDay(this.zone);
	}

}
