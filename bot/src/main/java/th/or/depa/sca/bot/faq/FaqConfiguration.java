package th.or.depa.sca.bot.faq;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Date;

import th.or.depa.sca.bot.conversation.ProgramProperties;
import th.or.depa.sca.nlp.faq.FaqIndex;
import th.or.depa.sca.nlp.faq.FaqSettings;
import th.or.depa.sca.nlp.intent.IntentRecognizer;
import th.or.depa.sca.nlp.segment.ThaiAnalysis;
import th.or.depa.sca.templates.faq.FaqKnowledgeBase;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring wiring for the FAQ knowledge base (templates) and the Thai language core (nlp).
 */
@Configuration(proxyBeanMethods = false)
class FaqConfiguration {

	@Bean
	FaqKnowledgeBase faqKnowledgeBase(FaqProperties properties) {
		FaqKnowledgeBase knowledge;
		if (properties.file() == null) {
			knowledge = FaqKnowledgeBase.load();
		}
		else {
			try (Reader reader = Files.newBufferedReader(properties.file(), StandardCharsets.UTF_8)) {
				knowledge = FaqKnowledgeBase.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the FAQ file " + properties.file(), ex);
			}
		}
		for (String id : properties.popularTopics()) {
			if (knowledge.entry(id).isEmpty()) {
				throw new IllegalStateException("bot.faq.popular-topics names '" + id + "', which the FAQ lacks");
			}
		}
		return knowledge;
	}

	@Bean
	ThaiAnalysis thaiAnalysis(FaqKnowledgeBase knowledge) {
		return knowledge.analysis();
	}

	@Bean
	FaqIndex faqIndex(FaqKnowledgeBase knowledge, ThaiAnalysis analysis, ProgramProperties program) {
		return FaqIndex.build(knowledge.documents(Date.from(program.deadlineDay().toInstant())), analysis,
				FaqSettings.DEFAULTS);
	}

	@Bean
	IntentRecognizer intentRecognizer(ThaiAnalysis analysis) {
		return IntentRecognizer.standard(analysis);
	}

}
