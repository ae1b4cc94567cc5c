package th.or.depa.sca.templates;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MessageCatalogTests {

	private final MessageCatalog catalog = MessageCatalog.load();

	@ParameterizedTest
	@EnumSource(Lang.class)
	void everyKeyUsedInCodeExistsInEveryLanguageAndNoneIsLeftOver(Lang lang) {
		Set<String> used = Arrays.stream(MessageKey.values()).map(MessageKey::key).collect(Collectors.toSet());
		used.addAll(th.or.depa.sca.templates.forms.Forms.load().catalogKeys());
		Set<String> optional = this.catalog.keys(lang)
			.stream()
			.filter((key) -> key.matches("form\\.[a-z]+\\.[a-zA-Z]+\\.[A-Z_]+"))
			.collect(Collectors.toSet());
		assertThat(this.catalog.keys(lang)).containsExactlyInAnyOrderElementsOf(
				java.util.stream.Stream.concat(used.stream(), optional.stream()).collect(Collectors.toSet()));
	}

	@ParameterizedTest
	@EnumSource(Lang.class)
	void everyMessageFormatsWithoutError(Lang lang) {
		Map<String, Object> args = Map.ofEntries(Map.entry("text", "x"), Map.entry("kind", "image"),
				Map.entry("youth", 150), Map.entry("cities", 150), Map.entry("deadline", new Date()),
				Map.entry("ref", "H-1234"), Map.entry("opens", new Date()), Map.entry("closes", new Date()),
				Map.entry("at", new Date()), Map.entry("lang", "th"), Map.entry("question", "q"), Map.entry("round", 2),
				Map.entry("lastDay", new Date()), Map.entry("days", 3), Map.entry("status", "s"), Map.entry("asked", 3),
				Map.entry("link", ""), Map.entry("url", "https://example.org"), Map.entry("what", "w"),
				Map.entry("type", "youth"), Map.entry("number", "SCA2-Y-000001"), Map.entry("months", 24),
				Map.entry("n", 1), Map.entry("total", 10), Map.entry("prompt", "p"), Map.entry("province", "เชียงราย"),
				Map.entry("done", 3), Map.entry("count", 1), Map.entry("min", 30), Map.entry("max", 1000),
				Map.entry("length", 5), Map.entry("until", new Date()));
		for (MessageKey key : MessageKey.values()) {
			assertThat(this.catalog.text(lang, key, args)).as(key.key()).isNotBlank().doesNotContain("{");
		}
		for (String key : th.or.depa.sca.templates.forms.Forms.load().catalogKeys()) {
			assertThat(this.catalog.text(lang, key, args)).as(key).isNotBlank().doesNotContain("{");
		}
	}

	@Test
	void shouldShowTheDeadlineInTheBuddhistCalendarAndBangkokTimeWhateverTheServerZone() {
		TimeZone original = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
			Date deadline = Date.from(ZonedDateTime.parse("2022-07-21T00:00+07:00[Asia/Bangkok]").toInstant());
			Map<String, Object> args = Map.of("round", 2, "lastDay", deadline, "opens", deadline, "days", 1);
			assertThat(this.catalog.text(Lang.TH, MessageKey.ROUND_STATUS_CLOSED, args)).contains("21 กรกฎาคม 2565");
			assertThat(this.catalog.text(Lang.EN, MessageKey.ROUND_STATUS_CLOSED, args)).contains("21 July 2022");
			assertThat(this.catalog.text(Lang.TH, MessageKey.PROGRAM_ABOUT,
					Map.of("youth", 150, "cities", 150, "status", "-")))
				.contains("150 คน");
		}
		finally {
			TimeZone.setDefault(original);
		}
	}

	@Test
	void shouldFormatDatesRightFromManyThreadsAtOnce() throws Exception {
		// ICU's MessageFormat.clone() shares its date formats with the original: two
		// threads formatting one message at once garbled its date or failed (the bot's
		// warm-up, which answers from several threads, once stopped the start-up so).
		MessageCatalog catalog = MessageCatalog.load();
		Date[] days = new Date[40];
		String[] expected = new String[days.length];
		for (int i = 0; i < days.length; i++) {
			days[i] = Date
				.from(ZonedDateTime.parse("2022-07-21T00:00+07:00[Asia/Bangkok]").plusDays(i * 37).toInstant());
			expected[i] = catalog.text(Lang.TH, MessageKey.REGISTER_CLOSED, Map.of("round", 2, "lastDay", days[i]));
		}
		int threads = 4;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Integer>> wrong = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int offset = t;
				wrong.add(pool.submit(() -> {
					int mismatches = 0;
					for (int n = 0; n < 20_000; n++) {
						int i = (n + offset * 7) % days.length;
						String text = catalog.text(Lang.TH, MessageKey.REGISTER_CLOSED,
								Map.of("round", 2, "lastDay", days[i]));
						mismatches += text.equals(expected[i]) ? 0 : 1;
					}
					return mismatches;
				}));
			}
			for (Future<Integer> each : wrong) {
				assertThat(each.get(2, TimeUnit.MINUTES)).isZero();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void shouldChooseTheWordForTheKindOfMedia() {
		assertThat(this.catalog.text(Lang.TH, MessageKey.MEDIA_RECEIVED, Map.of("kind", "image")))
			.startsWith("ได้รับรูปภาพแล้ว");
		assertThat(this.catalog.text(Lang.EN, MessageKey.MEDIA_RECEIVED, Map.of("kind", "sticker")))
			.startsWith("Got your message");
	}

	@Test
	void shouldNameTheMissingKey() {
		assertThatIllegalStateException().isThrownBy(() -> this.catalog.pattern(Lang.TH, "no.such.key"))
			.withMessageContaining("no.such.key");
	}

}
