package th.or.depa.sca.bot.conversation;

import java.util.ArrayList;
import java.util.List;

import com.linecorp.bot.messaging.model.Message;
import th.or.depa.sca.bot.session.ConversationSession;

/**
 * What handling one event decided: the session after it, what to send, and a word for the
 * log. The engine sends the messages and the inbox stores the session in the step that
 * finishes the event.
 *
 * @param session the session after the event; null when it is forgotten
 * @param messages what to send, in order (LINE takes at most five per reply)
 * @param outcome a short word for the event's log line
 * @param forget whether the session is deleted instead of stored
 */
public record Decision(ConversationSession session, List<Message> messages, String outcome, boolean forget) {

	/** LINE's limit of messages in one reply. */
	public static final int MAX_MESSAGES = 5;

	public Decision {
		messages = List.copyOf(messages);
		if (messages.size() > MAX_MESSAGES) {
			throw new IllegalStateException(
					"Decision '" + outcome + "' sends " + messages.size() + " messages; LINE takes " + MAX_MESSAGES);
		}
	}

	/** Answers and stores the session. */
	public static Decision answer(ConversationSession session, String outcome, List<Message> messages) {
		return new Decision(session, messages, outcome, false);
	}

	/** Sends nothing and stores the session. */
	public static Decision silent(ConversationSession session, String outcome) {
		return new Decision(session, List.of(), outcome, false);
	}

	/** Forgets the session, with a last answer (possibly none). */
	public static Decision forget(String outcome, List<Message> messages) {
		return new Decision(null, messages, outcome, true);
	}

	/** This decision with messages sent before its own (at most five in all). */
	public Decision after(List<Message> first) {
		List<Message> all = new ArrayList<>(first);
		all.addAll(this.messages);
		return new Decision(this.session, all, this.outcome, this.forget);
	}

}
