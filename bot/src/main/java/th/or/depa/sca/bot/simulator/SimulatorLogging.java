package th.or.depa.sca.bot.simulator;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In simulator mode, logs to the console as short readable lines instead of JSON: the
 * reader is a developer at a terminal, not a log pipeline. The defaults go last, so
 * {@code LOG_FORMAT} or any explicit logging setting still wins; a deployment with a LINE
 * token is untouched and logs JSON.
 */
class SimulatorLogging implements EnvironmentPostProcessor, Ordered {

	/** Read by application.yaml when LOG_FORMAT is unset; empty means no JSON. */
	static final String FORMAT_PROPERTY = "bot.simulator.log-format";

	/** Time, level, thread, class, message, then the event's key-value pairs. */
	static final String PATTERN = "%clr(%d{HH:mm:ss.SSS}){faint} %clr(%5p) %clr([%-12.12t]){faint} "
			+ "%clr(%-24.24logger{0}){cyan} %m%clr( %kvp){faint}%n%wEx";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!SimulatorMode.isActive(environment)) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource("simulatorLogging",
					Map.of(FORMAT_PROPERTY, "", "logging.pattern.console", PATTERN)));
	}

	@Override
	public int getOrder() {
		// After application.yaml is read: the channel token may be set there.
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
