package th.or.depa.sca.bot.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import th.or.depa.sca.bot.conversation.Decision;
import th.or.depa.sca.bot.conversation.Flow;
import th.or.depa.sca.bot.conversation.Input;
import th.or.depa.sca.bot.conversation.Replies;
import th.or.depa.sca.bot.conversation.Turn;
import th.or.depa.sca.bot.session.ConversationSession;
import th.or.depa.sca.bot.session.FlowState;
import th.or.depa.sca.nlp.intent.Intent;
import th.or.depa.sca.nlp.parse.Parsed;
import th.or.depa.sca.nlp.parse.YesNo;
import th.or.depa.sca.nlp.parse.YesNoParser;
import th.or.depa.sca.templates.MessageKey;

import org.springframework.stereotype.Component;

/**
 * "Delete my data": asks for confirmation, then has every feature erase what it keeps
 * about the user and forgets the session.
 */
@Component
class DeleteMyDataFlow implements Flow {

	static final String ID = "delete";

	private static final YesNoParser YES_NO = new YesNoParser();

	private final Replies replies;

	private final List<PersonalDataHolder> holders;

	DeleteMyDataFlow(Replies replies, List<PersonalDataHolder> holders) {
		this.replies = replies;
		this.holders = holders;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public Class<? extends FlowState> stateType() {
		return DeleteConfirmation.class;
	}

	@Override
	public Set<Intent> starters() {
		return Set.of(Intent.DELETE_MY_DATA);
	}

	@Override
	public boolean takesOver(Intent command) {
		return command == Intent.CANCEL || command == Intent.BACK || command == Intent.DELETE_MY_DATA;
	}

	@Override
	public Decision start(Turn turn, Input input) {
		ConversationSession session = turn.session();
		return Decision.answer(session.withFlow(new DeleteConfirmation(session.flow())), "delete-confirm",
				this.replies.yesNo(turn.lang(), MessageKey.DELETE_CONFIRM));
	}

	@Override
	public Decision handle(Turn turn, Input input) {
		ConversationSession session = turn.session();
		DeleteConfirmation state = session.flow(DeleteConfirmation.class).orElseThrow();
		if (input.is(Intent.CANCEL) || input.is(Intent.BACK)) {
			return kept(turn, state);
		}
		if (input.is(Intent.DELETE_MY_DATA)) {
			return start(turn.withSession(session.withFlow(state.previous())), input);
		}
		if (input instanceof Input.Text text && YES_NO.parse(text.text()) instanceof Parsed.Valid<YesNo> valid) {
			if (valid.value() == YesNo.YES) {
				List<String> erased = new ArrayList<>();
				erased.add(this.replies.catalog().text(turn.lang(), MessageKey.DELETE_ERASED_SESSION));
				for (PersonalDataHolder holder : this.holders) {
					for (PersonalDataHolder.Erased what : holder.erase(turn.chatKey(), turn.now())) {
						erased.add(this.replies.catalog().text(turn.lang(), what.what(), what.args()));
					}
				}
				String done = this.replies.catalog().text(turn.lang(), MessageKey.DELETE_DONE) + "\n"
						+ this.replies.catalog()
							.text(turn.lang(), MessageKey.DELETE_DONE_LIST, Map.of("what", String.join(", ", erased)));
				return Decision.forget("data-deleted",
						List.of(this.replies.text(done, this.replies.menuItems(turn.lang()))));
			}
			return kept(turn, state);
		}
		return Decision.answer(session, "delete-reprompt", this.replies.yesNo(turn.lang(), MessageKey.DELETE_REPROMPT));
	}

	private Decision kept(Turn turn, DeleteConfirmation state) {
		return Decision.answer(turn.session().withFlow(state.previous()), "delete-kept",
				this.replies.plain(turn.lang(), MessageKey.DELETE_KEPT));
	}

}
