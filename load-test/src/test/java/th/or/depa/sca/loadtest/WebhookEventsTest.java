package th.or.depa.sca.loadtest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import th.or.depa.sca.loadtest.TrafficMix.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookEventsTest {

	private static final String TOKEN = "000000000000002a0123456789abcdef";

	private static final ChatTexts TEXTS = new ChatTexts(List.of("รับสมัครถึงวันไหน \"ด่วน\""));

	private static final String ENVELOPE_HEAD = "\\{\"destination\":\"Udeadbeefdeadbeefdeadbeefdeadbeef\",\"events\":\\[\\{";

	private static final String ENVELOPE_TAIL = "\"webhookEventId\":\"01LG0000000042[0-9A-Z]{12}\","
			+ "\"deliveryContext\":\\{\"isRedelivery\":false\\},\"timestamp\":1700000000000,"
			+ "\"source\":\\{\"type\":\"user\",\"userId\":\"U[0-9a-f]{32}\"\\},\"replyToken\":\"" + TOKEN + "\","
			+ "\"mode\":\"active\"\\}\\]\\}";

	@Test
	void aTextEventIsALineTextMessageWithItsTextEscaped() {
		WebhookEvents events = new WebhookEvents(1000, TEXTS, TrafficMix.parse("questions=1"), 1);

		String body = body(events, 42);

		assertThat(body).matches(ENVELOPE_HEAD + "\"type\":\"message\",\"message\":\\{\"id\":\"\\d{18}\","
				+ "\"type\":\"text\",\"quoteToken\":\"q[0-9a-f]{32}\",\"text\":\"[^\"]*\\\\\"[^\"]*\\\\\"[^\"]*\"\\},"
				+ ENVELOPE_TAIL);
		assertThat(body).contains(events.text(42).replace("\"", "\\\""));
		assertThat(events.textsSent()).isEqualTo(1);
	}

	@Test
	void aPhotoEventIsAnImageMessageWhoseContentIsOnLine() {
		WebhookEvents events = new WebhookEvents(1000, TEXTS, TrafficMix.parse("photos=1"), 1);

		assertThat(body(events, 42)).matches(ENVELOPE_HEAD + "\"type\":\"message\",\"message\":\\{\"id\":\"\\d{18}\","
				+ "\"type\":\"image\",\"quoteToken\":\"q[0-9a-f]{32}\",\"contentProvider\":\\{\"type\":\"line\"\\}\\},"
				+ ENVELOPE_TAIL);
		assertThat(events.textsSent()).isZero();
	}

	@Test
	void aStickerEventCarriesItsPackageAndSticker() {
		WebhookEvents events = new WebhookEvents(1000, TEXTS, TrafficMix.parse("stickers=1"), 1);

		assertThat(body(events, 42)).matches(ENVELOPE_HEAD + "\"type\":\"message\",\"message\":\\{\"id\":\"\\d{18}\","
				+ "\"type\":\"sticker\",\"quoteToken\":\"q[0-9a-f]{32}\",\"packageId\":\"\\d+\",\"stickerId\":\"\\d+\","
				+ "\"stickerResourceType\":\"STATIC\",\"keywords\":\\[[^]]*\\]\\}," + ENVELOPE_TAIL);
		assertThat(events.textsSent()).isZero();
	}

	@Test
	void aFollowEventHasAReplyTokenAndNoMessage() {
		WebhookEvents events = new WebhookEvents(1000, TEXTS, TrafficMix.parse("follows=1"), 1);

		assertThat(body(events, 42))
			.matches(ENVELOPE_HEAD + "\"type\":\"follow\",\"follow\":\\{\"isUnblocked\":false\\}," + ENVELOPE_TAIL);
	}

	@Test
	void eventsComeFromTheConfiguredNumberOfUsers() {
		WebhookEvents events = new WebhookEvents(3, TEXTS, TrafficMix.DEFAULT, 1);
		Set<Integer> users = new HashSet<>();
		for (long seq = 0; seq < 60; seq++) {
			users.add(events.user(seq));
		}

		assertThat(users).containsExactlyInAnyOrder(0, 1, 2);
		assertThat(events.userIds()).hasSize(3).allMatch((id) -> id.matches("U[0-9a-f]{32}"));
		assertThat(WebhookEvents.userId(7)).isEqualTo(WebhookEvents.userId(7)).isNotEqualTo(WebhookEvents.userId(8));
	}

	@Test
	void theSeedDecidesWhoSendsWhatButIdsDifferEveryTime() {
		WebhookEvents events = new WebhookEvents(1000, TEXTS, TrafficMix.DEFAULT, 5);
		WebhookEvents same = new WebhookEvents(1000, TEXTS, TrafficMix.DEFAULT, 5);
		WebhookEvents other = new WebhookEvents(1000, TEXTS, TrafficMix.DEFAULT, 6);
		int differentUser = 0;
		for (long seq = 0; seq < 100; seq++) {
			assertThat(same.user(seq)).isEqualTo(events.user(seq));
			assertThat(same.kind(seq)).isEqualTo(events.kind(seq));
			assertThat(same.text(seq)).isEqualTo(events.text(seq));
			if (other.user(seq) != events.user(seq)) {
				differentUser++;
			}
		}
		String first = body(events, 1);
		String again = body(events, 1);

		assertThat(differentUser).isGreaterThan(90);
		assertThat(first.replaceAll(".*\"webhookEventId\":\"([0-9A-Z]+)\".*", "$1"))
			.isNotEqualTo(again.replaceAll(".*\"webhookEventId\":\"([0-9A-Z]+)\".*", "$1"));
	}

	@Test
	void theMixSetsTheShareOfEachKind() {
		WebhookEvents events = new WebhookEvents(1000, TEXTS, TrafficMix.parse("questions=80,stickers=20"), 1);
		int stickers = 0;
		for (long seq = 0; seq < 10_000; seq++) {
			Kind kind = events.kind(seq);
			assertThat(kind).isIn(Kind.QUESTION, Kind.STICKER);
			if (kind == Kind.STICKER) {
				stickers++;
			}
		}

		assertThat(stickers).isBetween(1800, 2200);
		assertThat(TrafficMix.DEFAULT.pick(new SplittableRandom(1))).isNotNull();
	}

	@Test
	void registrationStepsComeFromAQuarterOfTheUsersEachInTheirOrderTapsAsPostbacks() {
		WebhookEvents events = new WebhookEvents(400, TEXTS, TrafficMix.parse("forms=1"), 1);
		Map<Integer, List<String>> byUser = new HashMap<>();
		for (long seq = 0; seq < 20_000; seq++) {
			int user = events.user(seq);
			assertThat(user).isBetween(0, WebhookEvents.registrants(400) - 1);
			byUser.computeIfAbsent(user, (u) -> new ArrayList<>()).add(body(events, seq, user));
		}
		List<String> first = byUser.get(0);

		assertThat(byUser).hasSize(100);
		assertThat(first.get(0)).contains("\"type\":\"message\"").contains("สมัคร");
		assertThat(first.get(RegistrationScript.STEPS - 1)).matches(
				ENVELOPE_HEAD + "\"type\":\"postback\",\"postback\":\\{\"data\":\"flow=registration&do=submit\"\\},.*");
		assertThat(first.get(6).replace("-", "")).contains(RegistrationScript.nationalId(0));
		assertThat(events.formEvents()).isEqualTo(20_000);
		assertThat(events.submits()).isEqualTo(100);
		assertThat(events.kind(1)).isEqualTo(Kind.FORM);
		WebhookEvents mixed = new WebhookEvents(400, TEXTS, TrafficMix.DEFAULT, 1);
		for (long seq = 0; seq < 2_000; seq++) {
			assertThat(mixed.user(seq) < WebhookEvents.registrants(400)).isEqualTo(mixed.kind(seq) == Kind.FORM);
		}
	}

	private static String body(WebhookEvents events, long seq) {
		return body(events, seq, events.user(seq));
	}

	private static String body(WebhookEvents events, long seq, int user) {
		return new String(events.body(seq, user, TOKEN, 1_700_000_000_000L), StandardCharsets.UTF_8);
	}

}
