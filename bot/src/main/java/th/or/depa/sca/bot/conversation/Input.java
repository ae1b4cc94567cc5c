package th.or.depa.sca.bot.conversation;

import java.util.Map;
import java.util.Optional;

import th.or.depa.sca.nlp.intent.Intent;
import th.or.depa.sca.nlp.intent.IntentMatch;

/**
 * What one event brings to the conversation, whatever LINE event carried it.
 */
public sealed interface Input {

	/**
	 * The command this input is, if any: a typed command or a tapped command button.
	 */
	default Optional<IntentMatch> command() {
		return Optional.empty();
	}

	/** Whether this input is the given command. */
	default boolean is(Intent intent) {
		return command().filter((match) -> match.intent() == intent).isPresent();
	}

	/**
	 * A text message.
	 *
	 * @param text what the user typed
	 * @param intent the command it is, if it is one
	 */
	record Text(String text, Optional<IntentMatch> intent) implements Input {

		@Override
		public Optional<IntentMatch> command() {
			return this.intent;
		}

	}

	/**
	 * A tapped button or a picked date.
	 *
	 * @param data the postback data as LINE sent it
	 * @param action the data decoded
	 * @param params what a date picker chose ({@code date}, {@code time} or
	 * {@code datetime}), empty otherwise
	 */
	record Postback(String data, Postbacks.Action action, Map<String, String> params) implements Input {

		public Postback {
			params = Map.copyOf(params);
		}

		@Override
		public Optional<IntentMatch> command() {
			return (this.action instanceof Postbacks.Command command) ? Optional.of(command.match()) : Optional.empty();
		}

	}

	/**
	 * A sticker, photo, video, voice message, file or location.
	 *
	 * @param kind sticker, image, video, audio, file, location or other
	 */
	record Media(String kind) implements Input {
	}

	/** The user added the bot as a friend or unblocked it. */
	record Follow() implements Input {
	}

	/** The user blocked the bot. */
	record Unfollow() implements Input {
	}

	/** The bot was added to a group or room. */
	record Join() implements Input {
	}

	/**
	 * An event the bot queued on the chat itself (staff released a hand-off, a timer).
	 *
	 * @param type the internal event's type
	 * @param fields what the event carries
	 */
	record Internal(String type, Map<String, String> fields) implements Input {

		public Internal {
			fields = Map.copyOf(fields);
		}

	}

	/**
	 * Any other LINE event (unsend, read receipts, members joining, ...).
	 *
	 * @param type the event's type
	 */
	record Other(String type) implements Input {
	}

}
