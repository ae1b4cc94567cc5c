package th.or.depa.sca.bot.conversation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import th.or.depa.sca.bot.session.FlowStateTypes;
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

	/** The state types of every flow, by flow id, for reading stored sessions. */
	@Bean
	FlowStateTypes flowStateTypes(List<Flow> flows) {
		Map<String, Class<? extends th.or.depa.sca.bot.session.FlowState>> types = flows.stream()
			.collect(Collectors.toMap(Flow::id, Flow::stateType));
		return new FlowStateTypes(types);
	}

}
