package th.or.depa.sca.bot.ops;

import java.time.Instant;
import java.util.List;

import th.or.depa.sca.bot.inbox.DeadLetters;
import th.or.depa.sca.bot.privacy.PersonalDataHolder;
import th.or.depa.sca.templates.MessageKey;

import org.springframework.stereotype.Component;

/**
 * "Delete my data" erases the user's dead letters too.
 */
@Component
class DeadLetterEraser implements PersonalDataHolder {

	private final DeadLetters letters;

	DeadLetterEraser(DeadLetters letters) {
		this.letters = letters;
	}

	@Override
	public List<Erased> erase(String chatKey, Instant now) {
		return (this.letters.erase(chatKey) > 0) ? List.of(Erased.of(MessageKey.DELETE_ERASED_FAILED)) : List.of();
	}

}
