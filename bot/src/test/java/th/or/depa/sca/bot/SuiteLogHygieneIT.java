package th.or.depa.sca.bot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs last (failsafe runs its tests in alphabetical order, after the unit and
 * conversation tests) and reads everything the suite logged, the packaged bot's log of
 * the browser test included: it holds none of the personal data the registration tests
 * typed in.
 */
class SuiteLogHygieneIT {

	private static final List<String> PERSONAL = List.of(RegistrationTests.NATIONAL_ID, "1-1037-02071-01-3",
			"3102200045674", RegistrationTests.MOBILE, "081-234-5678", "+66812345678", "0898765432",
			RegistrationTests.EMAIL, "chai@example.org", "somying@example.com", "smartcity@khonkaen", "สมชาย", "ใจดี",
			"Somchai", "Jaidee", "มานี มีนา", "สมหญิง");

	@Test
	void shouldFindNoPersonalDataInTheTestSuitesLog() throws IOException {
		Path reports = Path.of("target/surefire-reports");
		assertThat(reports).isDirectory();
		List<Path> logs = new java.util.ArrayList<>();
		for (Path folder : List.of(reports, Path.of("target/failsafe-reports"))) {
			if (Files.isDirectory(folder)) {
				try (Stream<Path> files = Files.list(folder)) {
					files.filter((file) -> file.getFileName().toString().endsWith("-output.txt")).forEach(logs::add);
				}
			}
		}
		Path browserBot = Path.of("target/simulator-it-bot.log");
		if (Files.exists(browserBot)) {
			logs.add(browserBot);
		}
		assertThat(logs).as("the suite's captured output").isNotEmpty();
		assertThat(logs).anySatisfy((file) -> assertThat(file.getFileName().toString()).contains("RegistrationTests"));
		for (Path log : logs) {
			String text = Files.readString(log, StandardCharsets.UTF_8);
			for (String value : PERSONAL) {
				assertThat(text).as(log.getFileName() + " must not contain what a user typed").doesNotContain(value);
			}
		}
	}

}
