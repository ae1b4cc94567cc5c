package th.or.depa.sca.bot;

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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Point;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.or.depa.sca.bot.line.LineProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged bot as a user would, with no LINE channel and no Redis configured,
 * and chats with it through the simulator page in headless Chromium, in a phone-sized
 * window whose clock is not Bangkok's.
 */
class SimulatorBrowserIT {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path BOT_LOG = Path.of("target/simulator-it-bot.log");

	/** A zone far from Bangkok's, so a time shown in the browser's zone cannot pass. */
	private static final String BROWSER_ZONE = "America/Los_Angeles";

	/** A valid national ID (its check digit holds), as in RegistrationTests. */
	private static final String NATIONAL_ID = "1103702071013";

	private static final HttpClient http = HttpClient.newHttpClient();

	private static Process bot;

	private static ChromeDriver browser;

	private static int port;

	private static int managementPort;

	@BeforeAll
	static void startBotAndBrowser() throws Exception {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && System.getenv("CI") == null) {
			Assumptions.abort("Chromium not installed: apt-get install chromium chromium-driver (CI installs it)");
		}
		assertThat(installed).as("chromium and chromium-driver must be installed on CI").isTrue();
		port = freePort();
		managementPort = freePort();
		Path jar = Path.of(System.getProperty("bot.jar", "target/bot.jar"));
		String java = ProcessHandle.current().info().command().orElse("java");
		// A fresh data folder each run, under target/, never the repository's data/.
		Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "simulator-it-data");
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--management.server.port=" + managementPort, "--bot.mode=simulator",
				"--bot.embedded-redis.dir=" + data.resolve("redis"),
				"--bot.data.simulator-key-file=" + data.resolve("simulator-keys.properties"))
			.redirectErrorStream(true)
			.redirectOutput(BOT_LOG.toFile());
		// As on a fresh machine: no LINE channel, no Redis, no logging settings.
		List.of("LINE_CHANNEL_SECRET", "LINE_CHANNEL_TOKEN", "LINE_API_BASE_URL", "REDIS_URL", "SERVER_PORT",
				"LOG_FORMAT", "BOT_EMBEDDED_REDIS_DIR", "BOT_DATA_KEY", "BOT_INDEX_KEY", "MANAGEMENT_PORT", "BOT_MODE")
			.forEach(builder.environment()::remove);
		bot = builder.start();
		awaitHealthy();

		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--lang=en-US", "--window-size=500,900");
		// A phone's viewport: headless Chromium's windows are at least 500 px wide.
		options.setExperimentalOption("mobileEmulation",
				Map.of("deviceMetrics", Map.of("width", 400, "height", 800, "pixelRatio", 1.0)));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withEnvironment(Map.of("TZ", BROWSER_ZONE))
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
		WebDriverWait wait = openSimulator();
		assertThat(browser.findElement(By.id("follow-button")).isDisplayed())
			.as("developer controls folded away on a phone-sized window")
			.isFalse();
		chatAs(wait, "Somchai");

		toggleDeveloperControls();
		assertThat(pageIsNoWiderThanTheWindow()).as("unfolded controls fit the window").isTrue();
		Files.write(Path.of("target/simulator-it-controls.png"), browser.getScreenshotAs(OutputType.BYTES));
		browser.findElement(By.id("follow-button")).click();
		toggleDeveloperControls();
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
		wait.until((driver) -> botSays("Smart City Ambassadors: SCA"));
		assertThat(pageIsNoWiderThanTheWindow()).as("nothing sticks out sideways at 400 px").isTrue();
		List<String> times = browser.findElements(By.cssSelector(".from-bot .time"))
			.stream()
			.map((time) -> time.getDomAttribute("data-time"))
			.toList();
		assertThat(times).isNotEmpty();
		assertThat(bangkokMinutesAround(times.get(times.size() - 1))).as("times shown in Asia/Bangkok").isTrue();

		Files.write(Path.of("target/simulator-it.png"), browser.getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void shouldPostTheChosenDateAsLineDoesForADatetimePicker() throws Exception {
		WebDriverWait wait = openSimulator();
		String user = chatAs(wait, "Nok");
		pushToSimulator(user, """
				{"type": "flex", "altText": "pick a date",
				 "contents": {"type": "bubble", "body": {"type": "box", "layout": "vertical", "contents": [
				   {"type": "text", "text": "date picker check", "wrap": true},
				   {"type": "button", "style": "primary",
				    "action": {"type": "datetimepicker", "label": "flex date", "data": "pick=flex", "mode": "date",
				               "initial": "2022-07-01", "min": "2022-07-01", "max": "2022-12-31"}}]}},
				 "quickReply": {"items": [
				   {"type": "action", "action": {"type": "message", "label": "one", "text": "one"}},
				   {"type": "action", "action": {"type": "datetimepicker", "label": "quick date",
				                                 "data": "pick=quick", "mode": "date"}},
				   {"type": "action", "action": {"type": "postback", "label": "a long third label", "data": "x=3"}},
				   {"type": "action", "action": {"type": "postback", "label": "a long fourth label", "data": "x=4"}},
				   {"type": "action", "action": {"type": "postback", "label": "a long fifth label", "data": "x=5"}}]}}
				""");
		wait.until((driver) -> botSays("date picker check"));
		WebElement bar = browser.findElement(By.id("quick-replies"));
		wait.until((driver) -> bar.isDisplayed());
		assertThat(((Number) browser.executeScript("return arguments[0].scrollWidth - arguments[0].clientWidth", bar))
			.intValue()).as("five quick replies overflow the bar, which scrolls sideways").isPositive();
		assertThat(bar.findElements(By.cssSelector(".quick-reply"))).extracting(WebElement::getLocation)
			.extracting(Point::getY)
			.containsOnly(bar.findElement(By.cssSelector(".quick-reply")).getLocation().getY());
		Files.write(Path.of("target/simulator-it-datetimepicker.png"), browser.getScreenshotAs(OutputType.BYTES));

		// Chosen in the browser's date picker: one change event with the whole date.
		WebElement quickDate = bar.findElement(By.cssSelector(".picker input[type=date]"));
		browser.executeScript("arguments[0].value = '2022-07-21';"
				+ "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", quickDate);
		wait.until((driver) -> !postbackParams(user, "pick=quick").isEmpty());

		// Typed field by field (month/day/year in en-US), sent on Enter.
		WebElement flexDate = browser.findElement(By.cssSelector(".from-bot .flex-button.picker input[type=date]"));
		assertThat(flexDate.getDomProperty("value")).isEqualTo("2022-07-01");
		flexDate.sendKeys("08012022");
		flexDate.sendKeys(Keys.ENTER);
		wait.until((driver) -> !postbackParams(user, "pick=flex").isEmpty());

		assertThat(postbackParams(user, "pick=quick")).containsExactly("{\"date\":\"2022-07-21\"}");
		assertThat(postbackParams(user, "pick=flex")).containsExactly("{\"date\":\"2022-08-01\"}");
	}

	/**
	 * A young person registers in the demonstration round as on a phone: types, taps
	 * quick replies, picks the birth date in the date input, checks the summary card and
	 * submits.
	 */
	@Test
	void shouldRegisterAYoungPersonByTypingAndTappingOnAPhone() throws IOException {
		WebDriverWait wait = openSimulator();
		chatAs(wait, "Ploy");

		type("สมัคร");
		awaitBotSays(wait, "สมัครรุ่นที่ 3 ในนามใคร");
		tapQuickReply("เยาวชน");
		awaitBotSays(wait, "วัตถุประสงค์");
		tapQuickReply("ยินยอม");
		awaitBotSays(wait, "(1/11) ชื่อและนามสกุลจริง");
		type("สมชาย ใจดี");
		awaitBotSays(wait, "(2/11)");
		type("ชาย");
		awaitBotSays(wait, "(3/11)");
		// The birth date through the question's date picker, typed field by field
		// (month/day/year in en-US) and sent on Enter.
		WebElement birthDate = browser.findElement(By.cssSelector("#quick-replies .picker input[type=date]"));
		birthDate.sendKeys("03052002");
		birthDate.sendKeys(Keys.ENTER);
		awaitBotSays(wait, "(4/11)");
		type(NATIONAL_ID);
		awaitBotSays(wait, "(5/11)");
		type("081-234-5678");
		awaitBotSays(wait, "(6/11)");
		type("somchai@example.com");
		awaitBotSays(wait, "(7/11)");
		type("เชียงราย");
		awaitBotSays(wait, "(8/11)");
		tapQuickReply("กำลังเรียน");
		awaitBotSays(wait, "(9/11)");
		type("มหาวิทยาลัยแม่ฟ้าหลวง");
		awaitBotSays(wait, "(10/11)");
		type("เทศบาลนครเชียงราย");
		awaitBotSays(wait, "(11/11)");
		type("อยากกลับไปพัฒนาบ้านเกิดให้เป็นเมืองน่าอยู่ ใช้ข้อมูลและเทคโนโลยีช่วยแก้ปัญหาฝุ่นควัน");
		awaitBotSays(wait, "สรุปใบสมัครเยาวชน รุ่นที่ 3");

		WebElement card = lastFlexBubble();
		assertThat(card.getText())
			.contains("(รอบสาธิต", "สมชาย ใจดี", "5 มีนาคม 2545", "x-xxxx-xxxxx-01-3", "081-xxx-x678",
					"somchai@example.com", "เชียงราย", "กำลังเรียน", "มหาวิทยาลัยแม่ฟ้าหลวง", "เทศบาลนครเชียงราย")
			.doesNotContain(NATIONAL_ID, "1-1037-02071-01-3", "081-234-5678");
		assertThat(botSays(NATIONAL_ID)).as("no bot message shows the full national ID").isFalse();
		List<WebElement> rows = card
			.findElements(By.cssSelector(".flex-body > .flex-box > .flex-box.layout-horizontal"));
		assertThat(rows).as("a row per answer").hasSize(11).allSatisfy((row) -> {
			WebElement edit = row.findElement(By.tagName("button"));
			assertThat(edit.getText()).isEqualTo("แก้ไข");
			assertThat(isTappable(edit)).as("edit button of '" + row.getText() + "' tappable").isTrue();
		});
		assertThat(rows.get(3).getText()).contains("เลขประจำตัวประชาชน", "x-xxxx-xxxxx-01-3");
		WebElement submit = card.findElement(By.cssSelector(".flex-footer button"));
		assertThat(submit.getText()).isEqualTo("ส่งใบสมัคร");
		assertThat(isTappable(submit)).as("submit button tappable").isTrue();
		assertThat(pageIsNoWiderThanTheWindow()).as("the card fits the 400 px window").isTrue();

		// As the README shows it. Taller than the chat at 800 px, the card is scrolled to
		// show its title, every row and the hint; the submit button is just below.
		List<WebElement> texts = card.findElements(By.cssSelector(".flex-body .flex-text"));
		browser.executeScript("arguments[0].scrollIntoView({block: 'end'})", texts.get(texts.size() - 1));
		assertThat(isWithinTheTranscript(card.findElement(By.cssSelector(".flex-header .flex-text"))))
			.as("the card's title in view")
			.isTrue();
		assertThat(rows).as("every row in view").allMatch(SimulatorBrowserIT::isWithinTheTranscript);
		Files.write(Path.of("target/simulator-it-registration-summary.png"), browser.getScreenshotAs(OutputType.BYTES));

		submit.click();
		awaitBotSays(wait, "ส่งใบสมัครเรียบร้อยแล้ว เลขที่ใบสมัคร SCA3-Y-000001");
		assertThat(lastBotText()).startsWith("ส่งใบสมัครเรียบร้อยแล้ว เลขที่ใบสมัคร SCA3-Y-000001\n")
			.contains("(รอบสาธิต");
		assertThat(browser.findElements(By.cssSelector(".from-bot .bubble.bot"))
			.stream()
			.filter((bubble) -> bubble.getText().contains("(รอบสาธิต"))
			.count()).as("the demo note on the round, the consent, the first question, the summary and the receipt")
			.isGreaterThanOrEqualTo(5);
	}

	@Test
	void shouldLogReadableLinesInSimulatorMode() throws IOException {
		List<String> started = Files.readAllLines(BOT_LOG)
			.stream()
			.filter((line) -> line.contains("embedded redis started"))
			.toList();

		assertThat(started).singleElement()
			.satisfies((line) -> assertThat(line).doesNotStartWith("{").contains("port=").contains("dir="));
	}

	private static WebDriverWait openSimulator() {
		browser.get("http://127.0.0.1:" + port + "/simulator/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		wait.until((driver) -> !driver.findElements(By.cssSelector("#user-select option")).isEmpty());
		return wait;
	}

	/** Picks the simulated user in the developer controls, folded again afterwards. */
	private static String chatAs(WebDriverWait wait, String name) {
		toggleDeveloperControls();
		WebElement select = browser.findElement(By.id("user-select"));
		String user = select.findElements(By.tagName("option"))
			.stream()
			.filter((option) -> option.getText().startsWith(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no simulated user " + name))
			.getDomAttribute("value");
		new Select(select).selectByValue(user);
		toggleDeveloperControls();
		wait.until((driver) -> driver.findElement(By.id("current-user-label")).getText().startsWith(name));
		return user;
	}

	private static void toggleDeveloperControls() {
		browser.findElement(By.cssSelector("#dev-panel > summary")).click();
	}

	/** Types a message in the composer and sends it with Enter. */
	private static void type(String text) {
		WebElement input = browser.findElement(By.id("message-input"));
		input.sendKeys(text);
		input.sendKeys(Keys.ENTER);
	}

	/** Taps the quick reply with exactly this label. */
	private static void tapQuickReply(String label) {
		browser.findElements(By.cssSelector("#quick-replies .quick-reply"))
			.stream()
			.filter((button) -> button.getText().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no quick reply '" + label + "' under: " + lastBotText()))
			.click();
	}

	private static void awaitBotSays(WebDriverWait wait, String text) {
		wait.withMessage(() -> "bot never said '" + text + "'; its last message: " + lastBotText())
			.until((driver) -> botSays(text));
	}

	private static String lastBotText() {
		List<WebElement> bubbles = browser.findElements(By.cssSelector(".from-bot .bubble.bot"));
		return bubbles.isEmpty() ? "(none)" : bubbles.get(bubbles.size() - 1).getText();
	}

	private static WebElement lastFlexBubble() {
		List<WebElement> cards = browser.findElements(By.cssSelector(".from-bot .flex-bubble"));
		assertThat(cards).as("a Flex card from the bot").isNotEmpty();
		return cards.get(cards.size() - 1);
	}

	/**
	 * True when the element, scrolled into view, is inside the window and a tap at its
	 * centre lands on it, not on something drawn over it.
	 */
	private static boolean isTappable(WebElement element) {
		return (Boolean) browser.executeScript("""
				const target = arguments[0];
				target.scrollIntoView({block: 'center'});
				const box = target.getBoundingClientRect();
				if (box.width < 1 || box.height < 1 || box.left < 0 || box.right > window.innerWidth) return false;
				const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
				return hit !== null && !target.disabled && (hit === target || target.contains(hit));
				""", element);
	}

	private static boolean isWithinTheTranscript(WebElement element) {
		return (Boolean) browser.executeScript("""
				const box = arguments[0].getBoundingClientRect();
				const chat = document.getElementById('transcript').getBoundingClientRect();
				return box.top >= chat.top && box.bottom <= chat.bottom;
				""", element);
	}

	private static boolean botSays(String text) {
		return browser.findElements(By.cssSelector(".from-bot .bubble.bot"))
			.stream()
			.anyMatch((bubble) -> bubble.getText().contains(text));
	}

	private static boolean pageIsNoWiderThanTheWindow() {
		return (Boolean) browser
			.executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
	}

	/**
	 * True when the time shown is Bangkok's now, or a minute before (a minute may turn).
	 */
	private static boolean bangkokMinutesAround(String shown) {
		ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Bangkok"));
		DateTimeFormatter format = DateTimeFormatter.ofPattern("HH:mm");
		return shown.equals(now.format(format)) || shown.equals(now.minusMinutes(1).format(format));
	}

	/** Sends the user a message through the LINE stand-in, as a push of the bot would. */
	private static void pushToSimulator(String user, String message) throws IOException, InterruptedException {
		String body = "{\"to\": \"" + user + "\", \"messages\": [" + message + "]}";
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/bot/message/push"))
				.header("Authorization", "Bearer " + LineProperties.SIMULATOR_TOKEN)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	/**
	 * The params of the user's postbacks with this data, as the webhook event had them.
	 */
	private static List<String> postbackParams(String user, String data) {
		try {
			String transcript = http
				.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/simulator/api/users/" + user + "/transcript"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			List<Map<String, Object>> params = JsonPath.read(transcript,
					"$.entries[?(@.from == 'user' && @.message.data == '" + data + "')].message.params");
			return params.stream().map((value) -> JsonPath.parse(value).jsonString()).toList();
		}
		catch (IOException ex) {
			throw new AssertionError("simulator transcript unavailable", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

	private static void awaitHealthy() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(bot.isAlive()).as("bot exited; see " + BOT_LOG).isTrue();
			try {
				HttpResponse<String> health = http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		throw new AssertionError("bot not healthy within 90 s; see " + BOT_LOG);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
