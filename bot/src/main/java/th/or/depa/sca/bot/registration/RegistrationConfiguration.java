package th.or.depa.sca.bot.registration;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.redis.spring.RedisLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import th.or.depa.sca.templates.forms.Forms;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The declared forms, and the Redis lock (ShedLock) that lets one bot instance at a time
 * run the registration reminder.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistrationProperties.class)
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
class RegistrationConfiguration {

	@Bean
	Forms forms() {
		return Forms.load();
	}

	@Bean
	LockProvider lockProvider(RedisConnectionFactory connections) {
		return new RedisLockProvider(connections, "sca");
	}

}
