package th.or.depa.sca.templates.faq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the evaluation sets: tab-separated, "# " comments, a fixed header. */
final class EvaluationSets {

	private EvaluationSets() {
	}

	/**
	 * The rows of a set on the test class path, each with as many cells as the header
	 * names, which must be {@code header}.
	 */
	static List<String[]> read(String resource, String header) {
		int columns = header.split("\t").length;
		InputStream in = EvaluationSets.class.getClassLoader().getResourceAsStream(resource);
		assertThat(in).as(resource + " on the test class path").isNotNull();
		List<String[]> out = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			boolean first = true;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				if (first) {
					assertThat(line).as(resource + " header").isEqualTo(header);
					first = false;
					continue;
				}
				String[] cells = line.split("\t");
				assertThat(cells).as(line).hasSize(columns);
				out.add(cells);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

}
