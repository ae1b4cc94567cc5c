package th.or.depa.sca.bot.conversation;

import java.util.List;

import com.linecorp.bot.messaging.model.Message;

/**
 * Answers a question typed in the middle of a flow, so that the flow can ask its own
 * question again afterwards.
 */
public interface Questions {

	/**
	 * The answer to a question, if the FAQ has one it is sure of; empty when the text is
	 * not a question it knows (then it is taken as the flow's answer).
	 */
	java.util.Optional<List<Message>> answerIfKnown(Turn turn, String text);

}
