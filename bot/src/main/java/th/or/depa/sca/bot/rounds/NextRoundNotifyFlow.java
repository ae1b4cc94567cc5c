package th.or.depa.sca.bot.rounds;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linecorp.bot.messaging.model.Message;
import th.or.depa.sca.bot.conversation.Decision;
import th.or.depa.sca.bot.conversation.Flow;
import th.or.depa.sca.bot.conversation.Input;
import th.or.depa.sca.bot.conversation.Postbacks;
import th.or.depa.sca.bot.conversation.Replies;
import th.or.depa.sca.bot.conversation.Turn;
import th.or.depa.sca.bot.privacy.PersonalDataHolder;
import th.or.depa.sca.bot.privacy.PrivacyNotice;
import th.or.depa.sca.bot.session.FlowState;
import th.or.depa.sca.domain.privacy.NextRoundOptIns;
import th.or.depa.sca.nlp.intent.Intent;
import th.or.depa.sca.nlp.parse.Parsed;
import th.or.depa.sca.nlp.parse.YesNo;
import th.or.depa.sca.nlp.parse.YesNoParser;
import th.or.depa.sca.templates.MessageKey;

import org.springframework.stereotype.Component;

/**
 * "Tell me when the next round opens": an opt-in with its own consent (a short notice,
 * yes or no), and the opt-out. Declining stores nothing.
 */
@Component
class NextRoundNotifyFlow implements Flow, PersonalDataHolder {

	static final String ID = "notify";

	/** The purpose recorded with the consent. */
	static final String PURPOSE = "next-round-notice";

	private static final YesNoParser YES_NO = new YesNoParser();

	private final NextRoundOptIns optIns;

	private final PrivacyNotice notice;

	private final ApplyingStatus status;

	private final Replies replies;

	NextRoundNotifyFlow(NextRoundOptIns optIns, PrivacyNotice notice, ApplyingStatus status, Replies replies) {
		this.optIns = optIns;
		this.notice = notice;
		this.status = status;
		this.replies = replies;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public Class<? extends FlowState> stateType() {
		return NotifyConsentAsked.class;
	}

	@Override
	public Set<Intent> starters() {
		return Set.of(Intent.NOTIFY_NEXT_ROUND, Intent.OPT_OUT);
	}

	@Override
	public Decision start(Turn turn, Input input) {
		if (input.is(Intent.OPT_OUT)) {
			boolean had = this.optIns.optOut(turn.chatKey());
			return Decision.answer(turn.session(), had ? "optout" : "optout-none",
					this.replies.plain(turn.lang(), had ? MessageKey.OPTOUT_DONE : MessageKey.OPTOUT_NONE));
		}
		if (!this.status.offersNextRound(turn.now())) {
			return Decision.answer(turn.session(), "notify-open", List.of(this.replies
				.text(this.status.sentence(turn.lang(), turn.now()), this.replies.menuItems(turn.lang()))));
		}
		if (this.optIns.find(turn.chatKey()).isPresent()) {
			return Decision.answer(turn.session(), "optin-already",
					this.replies.plain(turn.lang(), MessageKey.OPTIN_ALREADY));
		}
		return Decision.answer(turn.session().withFlow(new NotifyConsentAsked()), "optin-asked", ask(turn));
	}

	@Override
	public Decision handle(Turn turn, Input input) {
		if (input instanceof Input.Text text && YES_NO.parse(text.text()) instanceof Parsed.Valid<YesNo> answer) {
			if (answer.value() == YesNo.YES) {
				this.optIns.optIn(turn.chatKey(), this.notice.consent(PURPOSE, turn.now()));
				return Decision.answer(turn.session().idle(), "optin",
						this.replies.plain(turn.lang(), MessageKey.OPTIN_DONE));
			}
			return Decision.answer(turn.session().idle(), "optin-declined",
					this.replies.plain(turn.lang(), MessageKey.OPTIN_DECLINED));
		}
		if (input instanceof Input.Postback postback && postback.action() instanceof Postbacks.Step step
				&& step.flow().equals(ID)) {
			return handle(turn, new Input.Text(step.step().equals("yes") ? "yes" : "no", java.util.Optional.empty()));
		}
		return Decision.answer(turn.session(), "optin-reprompt", ask(turn, MessageKey.OPTIN_REPROMPT));
	}

	@Override
	public List<Erased> erase(String chatKey, Instant now) {
		return this.optIns.optOut(chatKey) ? List.of(Erased.of(MessageKey.DELETE_ERASED_OPTIN)) : List.of();
	}

	private List<Message> ask(Turn turn) {
		return ask(turn, MessageKey.OPTIN_NOTICE);
	}

	private List<Message> ask(Turn turn, MessageKey key) {
		String text = (key == MessageKey.OPTIN_NOTICE) ? this.notice.text(turn.lang(), key, Map.of())
				: this.replies.catalog().text(turn.lang(), key);
		String yes = this.replies.catalog().text(turn.lang(), MessageKey.ACTION_YES);
		String no = this.replies.catalog().text(turn.lang(), MessageKey.ACTION_NO);
		return List.of(this.replies.text(text, List.of(Replies.button(yes, Postbacks.step(ID, "yes", "")),
				Replies.button(no, Postbacks.step(ID, "no", "")))));
	}

}
