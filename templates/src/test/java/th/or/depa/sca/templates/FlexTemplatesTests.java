package th.or.depa.sca.templates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FlexTemplatesTests {

	private final MessageCatalog catalog = MessageCatalog.load();

	private final FlexTemplates templates = new FlexTemplates(this.catalog);

	@ParameterizedTest
	@EnumSource(Lang.class)
	void helpTemplateIsFilledFromTheCatalog(Lang lang) {
		String json = this.templates.render("help", lang);
		assertThat(json).doesNotContain("{{").contains(this.catalog.text(lang, MessageKey.HELP_TITLE));
	}

	@Test
	void everyPlaceholderIsAKeyOfTheCatalog() {
		for (Lang lang : Lang.values()) {
			assertThat(this.catalog.keys(lang)).containsAll(this.templates.placeholders("help"));
		}
	}

	@Test
	void shouldEscapeTextForJson() {
		assertThat(FlexTemplates.jsonEscape("a \"b\"\\\nc\u0001")).isEqualTo("a \\\"b\\\"\\\\\\nc\\u0001");
	}

	@Test
	void shouldNameAMissingTemplate() {
		assertThatIllegalStateException().isThrownBy(() -> this.templates.render("nope", Lang.TH))
			.withMessageContaining("nope");
	}

}
