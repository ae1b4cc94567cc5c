package th.or.depa.sca.bot.conversation;

import java.util.Set;

import th.or.depa.sca.bot.session.FlowState;
import th.or.depa.sca.nlp.intent.Intent;

/**
 * A conversation flow (registration, a confirmation, a weekly update): it starts on one
 * of its commands, then handles the chat's inputs while its state is the session's flow
 * state, and returns a {@link Decision} each time. Flows never call each other's
 * internals; the engine decides who sees an input ({@link ConversationEngine}).
 */
public interface Flow {

	/**
	 * The flow's id: the type name of its state in stored sessions and the {@code flow=}
	 * of its buttons' postback data.
	 */
	String id();

	/** The type of the state this flow keeps in the session. */
	Class<? extends FlowState> stateType();

	/**
	 * The commands that start this flow (or answer on its behalf) when typed or tapped.
	 */
	Set<Intent> starters();

	/**
	 * Whether this flow, while active, handles an anytime command itself (a form's "back"
	 * or "cancel with confirmation") instead of the engine.
	 */
	default boolean takesOver(Intent command) {
		return false;
	}

	/**
	 * Starts the flow, or answers one of its commands when nothing is active.
	 * @param turn the event
	 * @param input the command that started it, or a button of this flow tapped while the
	 * flow was not active
	 */
	Decision start(Turn turn, Input input);

	/**
	 * Handles an input while the flow is active (its state is the session's).
	 */
	Decision handle(Turn turn, Input input);

}
