package th.or.depa.sca.bot.faq;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which FAQ the bot answers from.
 *
 * @param file a staff-edited FAQ file in the format of templates' {@code faq/faq.yaml};
 * unset for the one shipped with the bot. Checked whole at start-up: a bad edit stops the
 * bot from starting, naming the entry, rather than reaching users
 * @param popularTopics FAQ ids offered as quick replies when a question has no answer
 */
@Validated
@ConfigurationProperties("bot.faq")
public record FaqProperties(Path file, @NotEmpty @DefaultValue( {
		"how-to-apply", "deadline", "program-what" }) List<String> popularTopics){
}
