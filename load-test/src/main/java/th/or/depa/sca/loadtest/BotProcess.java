package th.or.depa.sca.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bot under test, run as a child JVM from its packaged jar, with its output in a log
 * file.
 */
final class BotProcess implements AutoCloseable {

	private static final Duration GRACEFUL_STOP = Duration.ofSeconds(15);

	private final Process process;

	private final Path log;

	private final AtomicBoolean closed = new AtomicBoolean();

	private BotProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	/**
	 * The java launcher of this JVM, so the bot runs on the same runtime as the generator
	 * by default.
	 */
	static String currentJava() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	static BotProcess start(String java, List<String> jvmArgs, Path jar, Map<String, String> environment, Path log)
			throws IOException {
		// The heap and collector the README's production command gives the bot: it must
		// fit a 512 MB container under this load.
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseParallelGC"));
		command.addAll(jvmArgs);
		command.addAll(List.of("-jar", jar.toString()));
		Files.createDirectories(log.toAbsolutePath().getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		// The caller gives the bot its Redis (REDIS_URL); nothing of the shell's leaks
		// in.
		builder.environment().remove("REDIS_URL");
		builder.environment().putAll(environment);
		return new BotProcess(builder.start(), log);
	}

	/** The bot's process, to watch its CPU and memory. */
	ProcessHandle handle() {
		return this.process.toHandle();
	}

	/**
	 * Polls the actuator health endpoint until it reports UP; fails fast if the bot exits
	 * first.
	 */
	void awaitHealthy(HttpClient client, URI health, Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build();
		while (System.nanoTime() - deadline < 0) {
			if (!this.process.isAlive()) {
				throw new IOException("the bot exited with code " + this.process.exitValue()
						+ " before it was healthy; " + "see " + this.log + tail());
			}
			try {
				HttpResponse<String> response = client.send(request,
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				if (response.statusCode() == 200 && response.body().contains("UP")) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet: keep polling.
			}
			Thread.sleep(250);
		}
		throw new IOException("the bot was not healthy at " + health + " within " + timeout.toSeconds() + " s; see "
				+ this.log + tail());
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			List<String> last = lines.subList(Math.max(0, lines.size() - 20), lines.size());
			return last.isEmpty() ? "" : System.lineSeparator() + String.join(System.lineSeparator(), last);
		}
		catch (IOException | RuntimeException ex) {
			// The log is only a diagnostic aid; a non-UTF-8 or missing log must not mask
			// the real failure.
			return "";
		}
	}

	/**
	 * Stops the bot gracefully, then forcibly, together with any processes it started
	 * (e.g. embedded Redis).
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		// Captured before the bot dies: orphans are re-parented and no longer show up as
		// its descendants.
		List<ProcessHandle> descendants = this.process.descendants().toList();
		this.process.destroy();
		try {
			if (!this.process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		for (ProcessHandle child : descendants) {
			if (child.isAlive()) {
				child.destroyForcibly();
			}
		}
	}

}
