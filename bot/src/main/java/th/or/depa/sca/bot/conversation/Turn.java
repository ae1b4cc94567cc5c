package th.or.depa.sca.bot.conversation;

import java.time.Instant;

import th.or.depa.sca.bot.session.ConversationSession;
import th.or.depa.sca.templates.Lang;

/**
 * One event being handled, and what it is handled against.
 *
 * @param eventKey the event's key (its webhookEventId or content hash); the same on a
 * redelivery or replay, so anything derived from it is idempotent
 * @param chatKey the chat: the user's id in a one-to-one chat
 * @param oneToOne whether the chat is with one user (not a group or room)
 * @param session the chat's session before the event
 * @param lang the language to answer in
 * @param now the time the event is handled at, from the injected clock
 */
public record Turn(String eventKey, String chatKey, boolean oneToOne, ConversationSession session, Lang lang,
		Instant now) {

	/** This turn answered in another language. */
	public Turn inLang(Lang other) {
		return new Turn(this.eventKey, this.chatKey, this.oneToOne, this.session, other, this.now);
	}

	/** This turn against another session, e.g. after a flow was left. */
	public Turn withSession(ConversationSession other) {
		return new Turn(this.eventKey, this.chatKey, this.oneToOne, other, this.lang, this.now);
	}

}
