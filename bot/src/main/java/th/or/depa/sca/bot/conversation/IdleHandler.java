package th.or.depa.sca.bot.conversation;

/**
 * What answers a one-to-one chat when no flow is active and no command applies: the FAQ,
 * greetings, the menu.
 */
public interface IdleHandler {

	/** Answers an input of an idle chat. */
	Decision handle(Turn turn, Input input);

}
