package th.or.depa.sca.bot;

import java.util.Locale;

import org.springframework.core.env.PropertyResolver;

/**
 * Which mode the bot runs in ({@code BOT_MODE}): {@code production} (the default: a LINE
 * channel and an external Redis are required) or {@code simulator} (asked for by the
 * README's run command: the in-app LINE stand-in, an embedded Redis, the chat page).
 */
public final class BotMode {

	/** The property that holds the mode. */
	public static final String PROPERTY = "bot.mode";

	private BotMode() {
	}

	/** Whether the bot runs as the local simulator. */
	public static boolean simulator(PropertyResolver environment) {
		return "simulator".equals(mode(environment));
	}

	/** The mode as configured, lower case; {@code production} when unset. */
	public static String mode(PropertyResolver environment) {
		String mode = environment.getProperty(PROPERTY, "");
		return mode.isBlank() ? "production" : mode.strip().toLowerCase(Locale.ROOT);
	}

}
