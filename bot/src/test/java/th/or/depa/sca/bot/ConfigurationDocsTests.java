package th.or.depa.sca.bot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationDocsTests {

	@Test
	void everyEnvironmentVariableTheBotReadsIsDocumentedInEnvExample() throws IOException {
		String yaml = Files.readString(Path.of("src/main/resources/application.yaml"));
		String example = Files.readString(Path.of("../.env.example"));
		Set<String> read = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+):").matcher(yaml);
		while (matcher.find()) {
			read.add(matcher.group(1));
		}
		Set<String> documented = new TreeSet<>();
		Matcher line = Pattern.compile("(?m)^([A-Z][A-Z0-9_]+)=").matcher(example);
		while (line.find()) {
			documented.add(line.group(1));
		}

		assertThat(read).isNotEmpty();
		assertThat(documented).containsExactlyInAnyOrderElementsOf(read);
	}

}
