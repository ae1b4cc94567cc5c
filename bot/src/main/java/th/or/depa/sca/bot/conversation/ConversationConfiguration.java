package th.or.depa.sca.bot.conversation;

import th.or.depa.sca.templates.FlexTemplates;
import th.or.depa.sca.templates.MessageCatalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring wiring for the plain-Java templates library.
 */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

	@Bean
	MessageCatalog messageCatalog() {
		return MessageCatalog.load();
	}

	@Bean
	FlexTemplates flexTemplates(MessageCatalog catalog) {
		return new FlexTemplates(catalog);
	}

}
