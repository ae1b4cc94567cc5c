package th.or.depa.sca.bot.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the simulator page, only in simulator mode.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SimulatorMode.class)
class SimulatorWebConfiguration implements WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(SimulatorWebConfiguration.class);

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/simulator/**").addResourceLocations("classpath:/simulator-ui/");
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/simulator", "/simulator/");
		registry.addViewController("/simulator/").setViewName("forward:/simulator/index.html");
	}

	@EventListener
	void announce(WebServerInitializedEvent event) {
		log.atInfo()
			.setMessage("no LINE channel configured: simulator mode, open http://localhost:"
					+ event.getWebServer().getPort() + "/simulator/")
			.log();
	}

}
