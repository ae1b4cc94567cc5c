package th.or.depa.sca.bot.privacy;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What users are told before they give personal data.
 *
 * @param noticeUrl the program's full privacy notice; null when none is published (the
 * chat's short notice is then all there is)
 * @param noticeVersion the version of the notice text, recorded with each consent
 */
@Validated
@ConfigurationProperties("bot.privacy")
public record PrivacyProperties(URI noticeUrl, @NotBlank @DefaultValue("2026-12-01") String noticeVersion) {
}
