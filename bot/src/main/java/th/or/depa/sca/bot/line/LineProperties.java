package th.or.depa.sca.bot.line;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The LINE channel and how the bot talks to the LINE API. With no channel token the bot
 * runs against its in-app LINE stand-in (the simulator).
 *
 * @param channelSecret signs webhooks (LINE_CHANNEL_SECRET)
 * @param channelToken long-lived channel access token (LINE_CHANNEL_TOKEN)
 * @param apiBaseUrl Messaging API base URL
 * @param dataApiBaseUrl content (data) API base URL
 * @param connectTimeout TCP connect timeout for LINE calls
 * @param readTimeout read timeout for LINE calls
 * @param maxConcurrentRequests concurrent HTTP requests to LINE per instance
 * @param retry retry policy for 429, 5xx and timeouts
 */
@Validated
@ConfigurationProperties("line")
public record LineProperties(String channelSecret, String channelToken,
		@NotNull @DefaultValue("https://api.line.me") URI apiBaseUrl,
		@NotNull @DefaultValue("https://api-data.line.me") URI dataApiBaseUrl,
		@NotNull @DefaultValue("2s") Duration connectTimeout, @NotNull @DefaultValue("10s") Duration readTimeout,
		@Min(1) @DefaultValue("256") int maxConcurrentRequests, @Valid @DefaultValue Retry retry) {

	/**
	 * Fixed secret the simulator signs with; only ever used when no channel token is set.
	 */
	public static final String SIMULATOR_SECRET = "simulator-channel-secret-not-for-production";

	/** Token the simulator's LINE stand-in expects. */
	public static final String SIMULATOR_TOKEN = "simulator-channel-token";

	public LineProperties {
		if (StringUtils.hasText(channelToken) && !StringUtils.hasText(channelSecret)) {
			throw new IllegalStateException("LINE_CHANNEL_SECRET is required when LINE_CHANNEL_TOKEN is set");
		}
	}

	/** True when no LINE channel is configured: the bot talks to its own stand-in. */
	public boolean simulator() {
		return !StringUtils.hasText(this.channelToken);
	}

	/** The secret webhooks are verified with. */
	public String effectiveSecret() {
		return simulator() && !StringUtils.hasText(this.channelSecret) ? SIMULATOR_SECRET : this.channelSecret;
	}

	/**
	 * The {@code X-Line-Signature} LINE would send with a body: the base64 HMAC-SHA256 of
	 * it with the effective secret. For the bot's own webhooks (the simulator page and
	 * the warm-up).
	 */
	public String signature(byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(effectiveSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing from this JVM", ex);
		}
	}

	/** The token LINE calls are authorized with. */
	public String effectiveToken() {
		return simulator() ? SIMULATOR_TOKEN : this.channelToken;
	}

	/**
	 * Exponential back-off for retryable LINE failures.
	 *
	 * @param maxRetries retries after the first attempt
	 * @param initialDelay delay before the first retry
	 * @param maxDelay upper bound of one delay
	 */
	public record Retry(@Min(0) @DefaultValue("4") int maxRetries,
			@NotNull @DefaultValue("200ms") Duration initialDelay, @NotNull @DefaultValue("5s") Duration maxDelay) {
	}

}
