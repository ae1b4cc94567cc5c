package th.or.depa.sca.bot;

import java.net.http.HttpResponse;

import java.net.http.HttpRequest;

import java.net.http.HttpClient;

import java.net.URI;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static th.or.depa.sca.bot.LineApiStub.PUSH;
import static th.or.depa.sca.bot.LineApiStub.REPLY;
import static th.or.depa.sca.bot.WebhookClient.body;
import static th.or.depa.sca.bot.WebhookClient.newEventId;
import static th.or.depa.sca.bot.WebhookClient.newUserId;
import static th.or.depa.sca.bot.WebhookClient.text;

@ExtendWith(OutputCaptureExtension.class)
class WebhookTests extends BotTestSupport {

	@Test
	void shouldReplyToASignedTextMessageThroughTheLineApi() {
		String user = newUserId();
		String event = text(newEventId(), user, "msg-1 สวัสดีครับ", false);

		var response = this.webhook.post(body(event));

		assertThat(response.statusCode()).isEqualTo(200);
		LoggedRequest reply = awaitRequests(REPLY, 1).get(0);
		assertThat(reply.getHeader("Authorization")).isEqualTo("Bearer test-channel-token");
		assertThat((String) JsonPath.read(reply.getBodyAsString(), "$.replyToken"))
			.isEqualTo(JsonPath.read(event, "$.replyToken"));
		assertThat((String) JsonPath.read(reply.getBodyAsString(), "$.messages[0].text")).contains("msg-1 สวัสดีครับ");
	}

	@Test
	void shouldRejectAMissingSignatureAndStoreNothing() {
		var response = this.webhook.post(bytes(body(text(newEventId(), newUserId(), "x", false))), null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("X-Line-Signature header is missing");
		assertNothingStoredOrSent();
	}

	@Test
	void shouldRejectASignatureThatIsNotBase64AndStoreNothing() {
		var response = this.webhook.post(bytes(body(text(newEventId(), newUserId(), "x", false))), "not*base64!");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("not a base64");
		assertNothingStoredOrSent();
	}

	@Test
	void shouldRejectAWrongSignatureAndStoreNothing() {
		byte[] payload = bytes(body(text(newEventId(), newUserId(), "x", false)));
		String signatureOfOtherBody = WebhookClient.sign(bytes("{\"events\":[]}"));

		var response = this.webhook.post(payload, signatureOfOtherBody);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("does not match");
		assertNothingStoredOrSent();
	}

	@Test
	void shouldRefuseABodyOverOneMebibyte() {
		String padding = "x".repeat(1024 * 1024);
		String event = text(newEventId(), newUserId(), padding, false);

		var response = this.webhook.post(body(event));

		assertThat(response.statusCode()).isEqualTo(413);
		assertNothingStoredOrSent();
	}

	@Test
	void shouldRejectSignedJsonThatIsNotAWebhook() {
		var response = this.webhook.post("{\"destination\":\"U1\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("no events array");
		assertNothingStoredOrSent();
	}

	@Test
	void shouldAcknowledgeLinesConnectivityCheckWithNoEvents() {
		var response = this.webhook.post(body());

		assertThat(response.statusCode()).isEqualTo(200);
		assertNothingStoredOrSent();
	}

	@Test
	void shouldAnswerAnEventDeliveredThreeTimesOnlyOnce() {
		String user = newUserId();
		String id = newEventId();
		double duplicatesBefore = metric("bot.events.duplicates");

		assertThat(this.webhook.post(body(text(id, user, "msg-7", false))).statusCode()).isEqualTo(200);
		assertThat(this.webhook.post(body(text(id, user, "msg-7", false))).statusCode()).isEqualTo(200);
		assertThat(this.webhook.post(body(text(id, user, "msg-7", true))).statusCode()).isEqualTo(200);
		awaitQuiet(user);

		assertThat(withoutSentinel(LineApiStub.requests(REPLY))).hasSize(1);
		assertThat(LineApiStub.requests(PUSH)).isEmpty();
		assertThat(metric("bot.events.duplicates") - duplicatesBefore).isEqualTo(2.0);
	}

	@Test
	void shouldRecogniseARedeliveredEventThatHasNoId() {
		String user = newUserId();

		String original = text(null, user, "msg-8", false);
		String redelivered = original.replace("\"isRedelivery\":false", "\"isRedelivery\":true");
		assertThat(redelivered).isNotEqualTo(original);

		this.webhook.post(body(original));
		this.webhook.post(body(redelivered));
		awaitQuiet(user);

		assertThat(withoutSentinel(LineApiStub.requests(REPLY))).hasSize(1);
	}

	@Test
	void shouldPushWithARetryKeyWhenLineRejectsTheReplyToken() {
		String user = newUserId();
		LineApiStub.server()
			.stubFor(post(urlEqualTo(REPLY)).atPriority(1)
				.withRequestBody(containing("msg-9"))
				.willReturn(aResponse().withStatus(400)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"message\":\"Invalid reply token\"}")));

		this.webhook.post(body(text(newEventId(), user, "msg-9", false)));

		LoggedRequest push = awaitRequests(PUSH, 1).get(0);
		assertThat((String) JsonPath.read(push.getBodyAsString(), "$.to")).isEqualTo(user);
		assertThat((String) JsonPath.read(push.getBodyAsString(), "$.messages[0].text")).contains("msg-9");
		assertThat(UUID.fromString(push.getHeader("X-Line-Retry-Key"))).isNotNull();
	}

	@Test
	void shouldRetryAServerErrorWithTheSameRetryKeyAndSendOnce() {
		String user = newUserId();
		var line = LineApiStub.server();
		line.stubFor(post(urlEqualTo(REPLY)).atPriority(1)
			.withRequestBody(containing("msg-10"))
			.willReturn(aResponse().withStatus(400).withBody("{\"message\":\"Invalid reply token\"}")));
		line.stubFor(post(urlEqualTo(PUSH)).atPriority(1)
			.inScenario("flaky")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(500).withBody("{\"message\":\"Internal error\"}"))
			.willSetStateTo("recovered"));
		line.stubFor(post(urlEqualTo(PUSH)).atPriority(1)
			.inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(okJson("{\"sentMessages\":[{\"id\":\"3\"}]}")));

		this.webhook.post(body(text(newEventId(), user, "msg-10", false)));
		awaitRequests(PUSH, 2);
		awaitQuiet(user);

		List<LoggedRequest> pushes = LineApiStub.requests(PUSH);
		assertThat(pushes).hasSize(2);
		assertThat(pushes.get(1).getHeader("X-Line-Retry-Key")).isEqualTo(pushes.get(0).getHeader("X-Line-Retry-Key"))
			.isNotBlank();
		assertThat(this.redis.opsForZSet().size("sca:inbox:dead")).isZero();
	}

	@Test
	void shouldDeliverEachMessageOnceWithOneRetryKeyThroughABurstOf429sAnd5xx() {
		var line = LineApiStub.server();
		line.stubFor(post(urlEqualTo(REPLY)).atPriority(1)
			.withRequestBody(containing("burst-"))
			.willReturn(aResponse().withStatus(400).withBody("{\"message\":\"Invalid reply token\"}")));
		// The next 12 pushes fail, whoever sends them: 8 rate-limited, then 4 server
		// errors.
		for (int i = 0; i < 12; i++) {
			line.stubFor(post(urlEqualTo(PUSH)).atPriority(1)
				.inScenario("burst")
				.whenScenarioStateIs((i == 0) ? STARTED : "failed-" + i)
				.willReturn((i < 8)
						? aResponse().withStatus(429)
							.withBody("{\"message\":\"The API rate limit has been exceeded. Try again later.\"}")
						: aResponse().withStatus(503).withBody("{\"message\":\"Service unavailable\"}"))
				.willSetStateTo("failed-" + (i + 1)));
		}
		line.stubFor(post(urlEqualTo(PUSH)).atPriority(1)
			.inScenario("burst")
			.whenScenarioStateIs("failed-12")
			.willReturn(okJson("{\"sentMessages\":[{\"id\":\"3\"}]}")));
		List<String> users = new java.util.ArrayList<>();
		List<String> events = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			users.add(newUserId());
			events.add(text(newEventId(), users.get(i), "burst-" + i, false));
		}

		assertThat(this.webhook.post(body(events.toArray(String[]::new))).statusCode()).isEqualTo(200);
		await().atMost(PATIENCE)
			.until(() -> line.getAllServeEvents()
				.stream()
				.filter((served) -> served.getRequest().getUrl().equals(PUSH))
				.filter((served) -> served.getResponse().getStatus() == 200)
				.count() == 8);
		users.forEach(this::awaitQuiet);

		for (String user : users) {
			var toUser = line.getAllServeEvents()
				.stream()
				.filter((served) -> served.getRequest().getUrl().equals(PUSH))
				.filter((served) -> served.getRequest().getBodyAsString().contains("\"to\":\"" + user + "\""))
				.toList();
			assertThat(toUser.stream().filter((served) -> served.getResponse().getStatus() == 200)).hasSize(1);
			assertThat(toUser.stream().map((served) -> served.getRequest().getHeader("X-Line-Retry-Key")).distinct())
				.singleElement()
				.isNotNull();
		}
		assertThat(this.redis.opsForZSet().size("sca:inbox:dead")).isZero();
	}

	@Test
	void shouldCountAConflictOnTheRetryKeyAsDelivered() {
		String user = newUserId();
		var line = LineApiStub.server();
		line.stubFor(post(urlEqualTo(REPLY)).atPriority(1)
			.withRequestBody(containing("msg-11"))
			.willReturn(aResponse().withStatus(400).withBody("{\"message\":\"Invalid reply token\"}")));
		line.stubFor(post(urlEqualTo(PUSH)).atPriority(1)
			.willReturn(aResponse().withStatus(409).withBody("{\"message\":\"The retry key is already accepted\"}")));

		this.webhook.post(body(text(newEventId(), user, "msg-11", false)));
		awaitQuiet(user);

		assertThat(LineApiStub.requests(PUSH)).hasSize(1);
		assertThat(this.redis.opsForZSet().size("sca:inbox:dead")).isZero();
	}

	@Test
	void shouldNotRetryAClientErrorAndKeepTheEventAsADeadLetter() {
		String user = newUserId();
		var line = LineApiStub.server();
		line.stubFor(post(urlEqualTo(REPLY)).atPriority(1)
			.withRequestBody(containing("msg-12"))
			.willReturn(aResponse().withStatus(400).withBody("{\"message\":\"Invalid reply token\"}")));
		line.stubFor(post(urlEqualTo(PUSH)).atPriority(1)
			.willReturn(aResponse().withStatus(403).withBody("{\"message\":\"Not allowed\"}")));

		String eventId = newEventId();
		this.webhook.post(body(text(eventId, user, "msg-12", false)));
		awaitQuiet(user);

		assertThat(LineApiStub.requests(PUSH)).hasSize(1);
		// Kept once, sealed: the reason and type in clear, never the text or the user.
		String id = this.redis.opsForZSet().range("sca:inbox:dead", 0, -1).iterator().next();
		java.util.Map<Object, Object> letter = this.redis.opsForHash().entries("sca:inbox:dead:" + id);
		assertThat(letter).containsEntry("reason", "undelivered LineApiException").containsEntry("type", "message");
		assertThat(letter.toString()).doesNotContain("msg-12", user);
		assertThat(this.redis.keys("sca:inbox:dead*")).allSatisfy((key) -> assertThat(key).doesNotContain(user));
		assertThat(this.redis.getExpire("sca:inbox:dead:" + id)).isPositive();
		// Handled all the same: the session records the event, so nothing the user sent
		// is
		// lost.
		assertThat(this.redis.opsForValue().get("sca:session:" + user)).contains(eventId);
	}

	@Test
	void shouldLetAnOperatorListAndReplayADeadLetterAndDeleteMyDataEraseIt() throws Exception {
		String user = newUserId();
		var line = LineApiStub.server();
		line.stubFor(post(urlEqualTo(REPLY)).atPriority(1)
			.withRequestBody(containing("msg-13"))
			.willReturn(aResponse().withStatus(400).withBody("{\"message\":\"Invalid reply token\"}")));
		line.stubFor(post(urlEqualTo(PUSH)).atPriority(1)
			.willReturn(aResponse().withStatus(403).withBody("{\"message\":\"Not allowed\"}")));
		this.webhook.post(body(text(newEventId(), user, "msg-13", false)));
		this.webhook.post(body(text(newEventId(), user, "msg-14", false)));
		awaitQuiet(user);
		HttpClient http = HttpClient.newHttpClient();
		String listed = http
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/deadletters"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		List<String> ids = JsonPath.read(listed, "$[*].id");
		assertThat(ids).hasSize(1);
		assertThat(listed).doesNotContain("msg-13", user);

		HttpResponse<String> replayed = http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/deadletters/" + ids.get(0)))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat((Boolean) JsonPath.read(replayed.body(), "$.replayed")).isTrue();
		assertThat(this.redis.opsForZSet().size("sca:inbox:dead")).isZero();
		awaitQuiet(user);

		line.stubFor(post(urlEqualTo(REPLY)).atPriority(1)
			.withRequestBody(containing("msg-15"))
			.willReturn(aResponse().withStatus(400).withBody("{\"message\":\"Invalid reply token\"}")));
		this.webhook.post(body(text(newEventId(), user, "msg-15", false)));
		awaitQuiet(user);
		assertThat(this.redis.opsForZSet().size("sca:inbox:dead")).isEqualTo(1);
		line.resetAll();
		LineApiStub.reset();
		this.webhook.post(body(text(newEventId(), user, "ลบข้อมูลของฉัน", false)));
		this.webhook.post(body(text(newEventId(), user, "ใช่", false)));
		awaitRequests(REPLY, 2);
		await().atMost(PATIENCE).until(() -> this.redis.opsForZSet().size("sca:inbox:dead") == 0);
		assertThat(this.redis.keys("sca:inbox:dead*")).isEmpty();
		assertThat(JsonPath.<String>read(LineApiStub.requests(REPLY).get(1).getBodyAsString(), "$.messages[0].text"))
			.contains("ข้อความที่ระบบเก็บไว้เพราะตอบกลับไม่สำเร็จ");
	}

	@Test
	void shouldNotPushACopyWhenReplayingAnEventWhoseWorkerDied() {
		String user = newUserId();
		String eventId = newEventId();
		// An instance took this chat's next event, may have replied, and died before
		// finishing: its lock lease is still running and the head is marked as taken.
		this.redis.opsForValue().set("sca:inbox:lock:" + user, "dead-instance", Duration.ofMillis(1500));
		this.redis.opsForValue().set("sca:inbox:taken:" + user, "1");
		var line = LineApiStub.server();
		line.stubFor(post(urlEqualTo(REPLY)).atPriority(1)
			.withRequestBody(containing("msg-14"))
			.willReturn(aResponse().withStatus(400).withBody("{\"message\":\"Invalid reply token\"}")));

		this.webhook.post(body(text(eventId, user, "msg-14", false)));

		// Once the lease runs out the sweeper hands the event out again, as a replay.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.redis.opsForValue().get("sca:session:" + user)).contains(eventId));
		awaitQuiet(user);
		assertThat(withoutSentinel(LineApiStub.requests(REPLY))).hasSize(1);
		assertThat(LineApiStub.requests(PUSH)).isEmpty();
		assertThat(this.redis.hasKey("sca:inbox:taken:" + user)).isFalse();
		assertThat(this.redis.opsForZSet().size("sca:inbox:dead")).isZero();
	}

	@Test
	void shouldSendNothingForStandbyEvents() {
		String user = newUserId();
		String standby = WebhookClient.event(newEventId(), "message", "standby", WebhookClient.userSource(user),
				"\"replyToken\":\"r1\",\"message\":{\"id\":\"1\",\"type\":\"text\",\"text\":\"msg-13\"}");

		assertThat(this.webhook.post(body(standby)).statusCode()).isEqualTo(200);
		awaitQuiet(user);

		assertThat(withoutSentinel(LineApiStub.requests(REPLY))).isEmpty();
		assertThat(LineApiStub.requests(PUSH)).isEmpty();
	}

	@Test
	void shouldGreetANewFollowerWithQuickReplies() {
		String user = newUserId();
		String follow = WebhookClient.event(newEventId(), "follow", "active", WebhookClient.userSource(user),
				"\"replyToken\":\"follow-token\",\"follow\":{\"isUnblocked\":false}");

		this.webhook.post(body(follow));

		String reply = awaitRequests(REPLY, 1).get(0).getBodyAsString();
		assertThat((String) JsonPath.read(reply, "$.messages[0].text")).startsWith("สวัสดี");
		List<String> labels = JsonPath.read(reply, "$.messages[0].quickReply.items[*].action.label");
		assertThat(labels).containsExactly("เมนู", "เกี่ยวกับโครงการ");
	}

	@Test
	void shouldAnswerStickersAndIgnoreUnknownEventTypesWithoutFailing() {
		String user = newUserId();
		String sticker = WebhookClient.event(newEventId(), "message", "active", WebhookClient.userSource(user),
				"\"replyToken\":\"st\",\"message\":{\"id\":\"5\",\"type\":\"sticker\",\"packageId\":\"1\",\"stickerId\":\"2\",\"stickerResourceType\":\"STATIC\"}");
		String future = WebhookClient.event(newEventId(), "somethingLineAddsNextYear", "active",
				WebhookClient.userSource(user), "\"replyToken\":\"fx\"");

		this.webhook.post(body(sticker, future));
		awaitQuiet(user);

		List<LoggedRequest> replies = withoutSentinel(LineApiStub.requests(REPLY));
		assertThat(replies).singleElement()
			.extracting((request) -> (String) JsonPath.read(request.getBodyAsString(), "$.messages[0].text"))
			.asString()
			.contains("สติกเกอร์");
		assertThat(this.redis.opsForZSet().size("sca:inbox:dead")).isZero();
	}

	@Test
	void shouldStayQuietInGroupsUnlessCalledByTheMenuWord() {
		String group = "C" + UUID.randomUUID().toString().replace("-", "");
		String source = "{\"type\":\"group\",\"groupId\":\"" + group + "\",\"userId\":\"" + newUserId() + "\"}";
		String chatter = WebhookClient.event(newEventId(), "message", "active", source,
				"\"replyToken\":\"g1\",\"message\":{\"id\":\"6\",\"type\":\"text\",\"text\":\"กินข้าวยัง\"}");
		String menu = WebhookClient.event(newEventId(), "message", "active", source,
				"\"replyToken\":\"g2\",\"message\":{\"id\":\"7\",\"type\":\"text\",\"text\":\"เมนู\"}");

		this.webhook.post(body(chatter, menu));

		LoggedRequest reply = awaitRequests(REPLY, 1).get(0);
		assertThat((String) JsonPath.read(reply.getBodyAsString(), "$.replyToken")).isEqualTo("g2");
		assertThat((String) JsonPath.read(reply.getBodyAsString(), "$.messages[0].type")).isEqualTo("flex");
		await().during(java.time.Duration.ofMillis(300)).until(() -> LineApiStub.requests(REPLY).size() == 1);
	}

	@Test
	void shouldHandleConcurrentEventsOfOneUserOneAtATimeInArrivalOrder() throws Exception {
		String user = newUserId();
		// The first answer is slow, so that the other events pile up in the chat's queue.
		OrderingScenario.stubSlowFirstAnswer(1500);

		this.webhook.post(body(text(newEventId(), user, "msg-0", false)));
		await().atMost(PATIENCE).until(() -> Boolean.TRUE.equals(this.redis.hasKey("sca:inbox:lock:" + user)));
		OrderingScenario.sendTheRestConcurrently(user, this.webhook);
		// The chat's queue is the record of arrival: its head is msg-0, still being
		// handled.
		List<Integer> arrival = OrderingScenario.arrivalOrder(this.redis, user);
		assertThat(arrival).hasSize(20).first().isEqualTo(0);

		List<LoggedRequest> replies = awaitRequests(REPLY, 20);

		OrderingScenario.assertAnsweredInOrderOneAtATime(replies, arrival);
	}

	@Test
	void shouldHandleDifferentUsersInParallel() {
		LineApiStub.server()
			.stubFor(post(urlEqualTo(REPLY)).atPriority(1)
				.withRequestBody(containing("msg-par"))
				.willReturn(okJson("{\"sentMessages\":[]}").withFixedDelay(1000)));

		for (int i = 0; i < 5; i++) {
			this.webhook.post(body(text(newEventId(), newUserId(), "msg-par" + i, false)));
		}
		List<LoggedRequest> replies = awaitRequests(REPLY, 5);

		// Each answer takes a second; all five were asked for before the first one was
		// answered.
		long first = replies.get(0).getLoggedDate().getTime();
		long last = replies.get(4).getLoggedDate().getTime();
		assertThat(last - first).isLessThan(1000);
	}

	@Test
	void shouldKeepTokensUserIdsAndMessageTextOutOfTheLogs(CapturedOutput output) {
		String user = newUserId();
		this.webhook.post(body(text(newEventId(), user, "msg-14 เบอร์ 0812345678", false)));
		this.webhook.post(bytes(body(text(newEventId(), user, "x", false))), "d3Jvbmc=");
		awaitQuiet(user);

		assertThat(output.getAll()).contains("event handled")
			.doesNotContain("test-channel-token")
			.doesNotContain(WebhookClient.SECRET)
			.doesNotContain(user)
			.doesNotContain("0812345678");
	}

	private void assertNothingStoredOrSent() {
		Long keys = this.redis.execute(
				(org.springframework.data.redis.core.RedisCallback<Long>) (connection) -> connection.serverCommands()
					.dbSize());
		assertThat(keys).isZero();
		assertThat(LineApiStub.requests(REPLY)).isEmpty();
		assertThat(LineApiStub.requests(PUSH)).isEmpty();
	}

	private double metric(String name) {
		var response = java.net.http.HttpClient.newHttpClient();
		try {
			String json = response
				.send(java.net.http.HttpRequest
					.newBuilder(java.net.URI
						.create("http://127.0.0.1:" + this.managementPort + "/actuator/metrics/" + name))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString())
				.body();
			if (!json.contains("measurements")) {
				return 0;
			}
			return ((Number) JsonPath.read(json, "$.measurements[0].value")).doubleValue();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
