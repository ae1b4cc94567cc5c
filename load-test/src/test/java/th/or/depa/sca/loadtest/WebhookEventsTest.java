package th.or.depa.sca.loadtest;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookEventsTest {

	@Test
	void bodyIsALineTextMessageEventCarryingTheMarker() {
		String body = new String(new WebhookEvents(1000).body(42, 1_700_000_000_000L), StandardCharsets.UTF_8);

		assertThat(body).matches("\\{\"destination\":\"Udeadbeefdeadbeefdeadbeefdeadbeef\",\"events\":\\[\\{"
				+ "\"type\":\"message\",\"mode\":\"active\",\"timestamp\":1700000000000,"
				+ "\"source\":\\{\"type\":\"user\",\"userId\":\"U[0-9a-f]{32}\"\\},"
				+ "\"webhookEventId\":\"01LG0000000042[0-9A-Z]{12}\",\"deliveryContext\":\\{\"isRedelivery\":false\\},"
				+ "\"replyToken\":\"[0-9a-f]{32}\",\"message\":\\{\"id\":\"42\",\"type\":\"text\","
				+ "\"quoteToken\":\"q42\",\"text\":\"lg-42\"\\}\\}\\]\\}");
	}

	@Test
	void eventsRotateThroughTheConfiguredNumberOfUsers() {
		WebhookEvents events = new WebhookEvents(3);
		Set<String> users = new HashSet<>();
		for (long seq = 0; seq < 30; seq++) {
			String body = new String(events.body(seq, 0), StandardCharsets.UTF_8);
			users.add(body.replaceAll(".*\"userId\":\"(U[0-9a-f]+)\".*", "$1"));
		}

		assertThat(users).hasSize(3).allMatch((id) -> id.matches("U[0-9a-f]{32}"));
		assertThat(WebhookEvents.userId(7)).isEqualTo(WebhookEvents.userId(7)).isNotEqualTo(WebhookEvents.userId(8));
	}

	@Test
	void eachEventGetsItsOwnWebhookEventIdAndReplyToken() {
		WebhookEvents events = new WebhookEvents(1);
		String first = new String(events.body(1, 0), StandardCharsets.UTF_8);
		String again = new String(events.body(1, 0), StandardCharsets.UTF_8);

		assertThat(first.replaceAll(".*\"replyToken\":\"([0-9a-f]+)\".*", "$1"))
			.isNotEqualTo(again.replaceAll(".*\"replyToken\":\"([0-9a-f]+)\".*", "$1"));
		assertThat(first.replaceAll(".*\"webhookEventId\":\"([0-9A-Z]+)\".*", "$1"))
			.isNotEqualTo(again.replaceAll(".*\"webhookEventId\":\"([0-9A-Z]+)\".*", "$1"));
	}

}
