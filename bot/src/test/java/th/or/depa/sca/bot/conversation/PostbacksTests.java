package th.or.depa.sca.bot.conversation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import th.or.depa.sca.nlp.intent.Intent;
import th.or.depa.sca.nlp.intent.IntentMatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PostbacksTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			intent=register | REGISTER |
			intent=register&arg=city | REGISTER | city
			intent=change_language&arg=en | CHANGE_LANGUAGE | en
			arg=en&intent=talk_to_staff | TALK_TO_STAFF | en
			""")
	void shouldReadCommandButtons(String data, Intent intent, String argument) {
		assertThat(Postbacks.decode(data))
			.isEqualTo(new Postbacks.Command(new IntentMatch(intent, (argument == null) ? "" : argument)));
	}

	@Test
	void shouldReadTheButtonsOfTheMenuFaqAndFlows() {
		assertThat(Postbacks.decode("faq=deadline")).isEqualTo(new Postbacks.Faq("deadline"));
		assertThat(Postbacks.decode("action=about")).isEqualTo(new Postbacks.About());
		assertThat(Postbacks.decode("action=help")).isEqualTo(new Postbacks.Help());
		assertThat(Postbacks.decode("flow=registration&do=edit&arg=phone"))
			.isEqualTo(new Postbacks.Step("registration", "edit", "phone"));
	}

	@Test
	void shouldWriteWhatItReads() {
		for (Postbacks.Action action : new Postbacks.Action[] { new Postbacks.Faq("how-to-apply"),
				new Postbacks.About(), new Postbacks.Help(),
				new Postbacks.Command(new IntentMatch(Intent.CHANGE_LANGUAGE, "en")),
				new Postbacks.Step("registration", "choose", "ชื่อ & นามสกุล=?") }) {
			assertThat(Postbacks.decode(Postbacks.encode(action))).isEqualTo(action);
		}
		assertThat(Postbacks.command(Intent.TALK_TO_STAFF)).isEqualTo("intent=talk_to_staff");
	}

	@ParameterizedTest
	@ValueSource(strings = { "intent=dance", "intent", "", "%%%", "faq=", "flow=registration", "action=fly" })
	void shouldTreatDataItNeverMadeAsUnknown(String data) {
		assertThat(Postbacks.decode(data)).isEqualTo(new Postbacks.Unknown());
	}

	@Test
	void shouldRefuseDataLongerThanLineTakes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Postbacks.step("registration", "choose", "x".repeat(Postbacks.MAX_LENGTH)));
		assertThat(Postbacks.decode("faq=" + "x".repeat(Postbacks.MAX_LENGTH))).isEqualTo(new Postbacks.Unknown());
	}

}
