package th.or.depa.sca.bot.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linecorp.bot.messaging.model.Message;
import th.or.depa.sca.bot.conversation.Postbacks;
import th.or.depa.sca.bot.conversation.Replies;
import th.or.depa.sca.templates.FlexTemplates;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.MessageCatalog;
import th.or.depa.sca.templates.MessageKey;
import th.or.depa.sca.templates.forms.FieldSpec;
import th.or.depa.sca.templates.forms.FormSpec;

import org.springframework.stereotype.Component;

/**
 * The summary card shown before submitting: every answer (national ID and phone masked),
 * an edit button per answer and the submit button, from the Flex templates
 * {@code registration-summary} and {@code registration-summary-row}.
 */
@Component
class SummaryCard {

	private final FlexTemplates flex;

	private final MessageCatalog catalog;

	private final FieldReader reader;

	private final Replies replies;

	SummaryCard(FlexTemplates flex, MessageCatalog catalog, FieldReader reader, Replies replies) {
		this.flex = flex;
		this.catalog = catalog;
		this.reader = reader;
		this.replies = replies;
	}

	Message render(Lang lang, FormSpec form, int round, boolean demo, Map<String, String> answers) {
		List<String> rows = new ArrayList<>();
		for (FieldSpec field : form.asked(answers)) {
			String label = this.catalog.text(lang, field.labelKey(), Map.of());
			String editText = this.catalog.text(lang, MessageKey.ACTION_EDIT) + " " + label;
			rows.add(this.flex.render("registration-summary-row", lang,
					Map.of("label", label, "value", this.reader.display(field, answers.get(field.name()), lang), "edit",
							Postbacks.step(RegistrationFlow.ID, "edit", field.name()), "editText", editText)));
		}
		String title = this.catalog.text(lang, MessageKey.REG_SUMMARY_TITLE, Map.of("type", form.id(), "round", round));
		if (demo) {
			title = title + " " + this.catalog.text(lang, MessageKey.ROUND_DEMO_NOTE);
		}
		String json = this.flex.render("registration-summary", lang, Map.of("title", title, "rows",
				String.join(",", rows), "submit", Postbacks.step(RegistrationFlow.ID, "submit", "")));
		return this.replies.flex(this.catalog.text(lang, MessageKey.REG_SUMMARY_ALT_TEXT), json);
	}

}
