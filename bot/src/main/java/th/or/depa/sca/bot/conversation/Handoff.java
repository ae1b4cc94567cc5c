package th.or.depa.sca.bot.conversation;

/**
 * Hand-off to staff as the engine sees it: a user asks for a person, the chat is paused
 * ({@link th.or.depa.sca.bot.session.Pause}) and every input goes here until staff
 * release it.
 */
public interface Handoff {

	/** The user asked for staff. */
	Decision request(Turn turn);

	/** An input while staff have the chat. */
	Decision whilePaused(Turn turn, Input input);

	/**
	 * An internal event of the hand-off while the chat is not paused (a late release).
	 */
	Decision onInternal(Turn turn, Input.Internal input);

	/** The user blocked the bot: a request of theirs is closed. */
	void onUnfollow(Turn turn);

}
