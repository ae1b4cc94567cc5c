package th.or.depa.sca.bot.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.depa.sca.domain.application.ApplicationRepository;
import th.or.depa.sca.domain.privacy.NextRoundOptIns;
import th.or.depa.sca.store.redis.application.RedisApplicationRepository;
import th.or.depa.sca.store.redis.crypto.KeyedHash;
import th.or.depa.sca.store.redis.crypto.PersonalDataSealer;
import th.or.depa.sca.store.redis.privacy.RedisNextRoundOptIns;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.StringUtils;

/**
 * The repositories on Redis and the keys that seal personal data. A deployment must set
 * {@code BOT_DATA_KEY} and {@code BOT_INDEX_KEY}; simulator mode generates both once and
 * keeps them beside its data.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataKeyProperties.class)
class StoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

	@Bean
	PersonalDataSealer personalDataSealer(DataKeyProperties properties, Environment environment) {
		return new PersonalDataSealer(keys(properties, environment).getProperty("data"));
	}

	@Bean
	KeyedHash keyedHash(DataKeyProperties properties, Environment environment) {
		return new KeyedHash(keys(properties, environment).getProperty("index"));
	}

	@Bean
	ApplicationRepository applicationRepository(StringRedisTemplate redis, PersonalDataSealer sealer, KeyedHash hash) {
		return new RedisApplicationRepository(redis, sealer, hash);
	}

	@Bean
	NextRoundOptIns nextRoundOptIns(StringRedisTemplate redis) {
		return new RedisNextRoundOptIns(redis);
	}

	private static Properties keys(DataKeyProperties properties, Environment environment) {
		Properties keys = new Properties();
		if (StringUtils.hasText(properties.key()) && StringUtils.hasText(properties.indexKey())) {
			keys.setProperty("data", properties.key());
			keys.setProperty("index", properties.indexKey());
			return keys;
		}
		if (!th.or.depa.sca.bot.BotMode.simulator(environment)) {
			throw new IllegalStateException("BOT_DATA_KEY and BOT_INDEX_KEY must be set: they seal applicants' "
					+ "personal data in Redis. Generate them as the README says (Encryption keys).");
		}
		return simulatorKeys(properties.simulatorKeyFile());
	}

	/** Keys generated once for simulator mode and kept beside its Redis data. */
	private static synchronized Properties simulatorKeys(Path file) {
		Properties keys = new Properties();
		try {
			if (Files.exists(file)) {
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					keys.load(reader);
				}
				if (keys.containsKey("data") && keys.containsKey("index")) {
					return keys;
				}
			}
			keys.setProperty("data", PersonalDataSealer.generateKeyset());
			keys.setProperty("index", KeyedHash.generateKeyset());
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				keys.store(writer, "Simulator mode only: keys that seal personal data in the simulator's Redis");
			}
			log.atInfo().setMessage("simulator mode: generated data keys").addKeyValue("file", file).log();
			return keys;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the simulator's data keys in " + file, ex);
		}
	}

}
