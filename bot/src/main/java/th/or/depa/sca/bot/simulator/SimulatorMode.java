package th.or.depa.sca.bot.simulator;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches in simulator mode ({@code BOT_MODE=simulator}, which refuses a LINE token): the
 * bot then serves the simulator and answers through the in-app LINE stand-in. Production
 * never exposes either.
 */
class SimulatorMode implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return isActive(context.getEnvironment());
	}

	static boolean isActive(PropertyResolver environment) {
		return th.or.depa.sca.bot.BotMode.simulator(environment);
	}

}
