package th.or.depa.sca.bot.simulator;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no LINE channel token is configured: the bot then serves the simulator and
 * answers through the in-app LINE stand-in. A deployment with a token never exposes
 * either.
 */
class SimulatorMode implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return isActive(context.getEnvironment());
	}

	static boolean isActive(PropertyResolver environment) {
		return !StringUtils.hasText(environment.getProperty("line.channel-token"));
	}

}
