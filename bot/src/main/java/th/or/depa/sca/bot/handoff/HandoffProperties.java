package th.or.depa.sca.bot.handoff;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where hand-off requests go and when staff answer.
 *
 * @param staffGroupId LINE group the staff read (the bot must be a member); empty for
 * none
 * @param staffUserIds LINE user ids of staff to notify one by one; empty for none
 * @param officeDays days staff answer
 * @param opens when office hours start, in {@code zone}
 * @param closes when office hours end, in {@code zone}
 * @param zone the office's time zone
 * @param maxPause how long automatic answers stay paused when no staff member releases
 * the chat; then the bot answers again and says so
 */
@Validated
@ConfigurationProperties("bot.handoff")
public record HandoffProperties(@DefaultValue("") String staffGroupId, @DefaultValue List<String> staffUserIds,
		@NotEmpty @DefaultValue( {
				"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) Set<DayOfWeek> officeDays,
		@NotNull @DefaultValue("08:30") LocalTime opens, @NotNull @DefaultValue("16:30") LocalTime closes,
		@NotNull @DefaultValue("Asia/Bangkok") ZoneId zone, @NotNull @DefaultValue("3d") Duration maxPause){

	/** Office hours as a value that computes when staff answer next. */
	public OfficeHours officeHours() {
		return new OfficeHours(this.officeDays, this.opens, this.closes, this.zone);
	}

}
