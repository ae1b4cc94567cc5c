package th.or.depa.sca.bot;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged bot as a user would, with no LINE channel and no Redis configured,
 * and chats with it through the simulator page in headless Chromium.
 */
class SimulatorBrowserIT {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static Process bot;

	private static ChromeDriver browser;

	private static int port;

	@BeforeAll
	static void startBotAndBrowser() throws Exception {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && System.getenv("CI") == null) {
			Assumptions.abort("Chromium not installed: apt-get install chromium chromium-driver (CI installs it)");
		}
		assertThat(installed).as("chromium and chromium-driver must be installed on CI").isTrue();
		port = freePort();
		Path jar = Path.of(System.getProperty("bot.jar", "target/bot.jar"));
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=" + port,
				"--server.address=127.0.0.1")
			.redirectErrorStream(true)
			.redirectOutput(new File("target/simulator-it-bot.log"));
		// As on a fresh machine: no LINE channel, no Redis.
		List.of("LINE_CHANNEL_SECRET", "LINE_CHANNEL_TOKEN", "LINE_API_BASE_URL", "REDIS_URL", "SERVER_PORT")
			.forEach(builder.environment()::remove);
		bot = builder.start();
		awaitHealthy();

		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=480,900");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (bot != null) {
			bot.destroy();
			try {
				bot.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Test
	void shouldShowTheBotsRepliesToWhatTheUserTypesAndTaps() throws IOException {
		browser.get("http://127.0.0.1:" + port + "/simulator/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		wait.until((driver) -> !driver.findElements(By.cssSelector("#user-select option")).isEmpty());

		browser.findElement(By.id("follow-button")).click();
		wait.until((driver) -> botSays("ยินดีต้อนรับ"));

		WebElement input = browser.findElement(By.id("message-input"));
		input.sendKeys("hello from the browser");
		input.sendKeys(Keys.ENTER);
		wait.until((driver) -> botSays("hello from the browser"));

		input.sendKeys("เมนู");
		browser.findElement(By.id("send-button")).click();
		wait.until((driver) -> botSays("เมนูช่วยเหลือ"));

		// The help menu is a Flex bubble: tap its postback button.
		browser.findElements(By.cssSelector(".from-bot button"))
			.stream()
			.filter((button) -> button.getText().contains("เกี่ยวกับโครงการ"))
			.reduce((earlier, later) -> later)
			.orElseThrow(() -> new AssertionError("no 'เกี่ยวกับโครงการ' button in the help menu"))
			.click();
		wait.until((driver) -> botSays("21 กรกฎาคม 2565"));

		Files.write(Path.of("target/simulator-it.png"), browser.getScreenshotAs(OutputType.BYTES));
	}

	private static boolean botSays(String text) {
		return browser.findElements(By.cssSelector(".from-bot .bubble.bot"))
			.stream()
			.anyMatch((bubble) -> bubble.getText().contains(text));
	}

	private static void awaitHealthy() throws InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(bot.isAlive()).as("bot exited; see target/simulator-it-bot.log").isTrue();
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		throw new AssertionError("bot not healthy within 90 s; see target/simulator-it-bot.log");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
