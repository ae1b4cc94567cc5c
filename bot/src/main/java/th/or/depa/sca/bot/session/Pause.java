package th.or.depa.sca.bot.session;

import java.time.Instant;
import java.util.Objects;

/**
 * The chat is handed off to staff: the bot keeps what the user writes and does not answer
 * it. A mode of the chat, not a flow: the flow that was active (a half-filled form) is
 * still there when staff hand the chat back.
 *
 * @param ref the hand-off's reference, quoted to staff and user
 * @param since when the user asked for staff
 * @param acknowledged whether the user was already told that a message was kept for staff
 */
public record Pause(String ref, Instant since, boolean acknowledged) {

	public Pause {
		Objects.requireNonNull(ref, "ref");
		Objects.requireNonNull(since, "since");
	}

	/** This pause once the user was told their messages are kept. */
	public Pause acknowledge() {
		return new Pause(this.ref, this.since, true);
	}

}
