package th.or.depa.sca.bot.conversation;

import java.time.Duration;
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
 * @param sentAt when the user sent it, as LINE's signed event says; null for the bot's
 * own events
 */
public record Turn(String eventKey, String chatKey, boolean oneToOne, ConversationSession session, Lang lang,
		Instant now, Instant sentAt) {

	/** How late an event may be handled and still count from when it was sent. */
	static final Duration MAX_DELAY = Duration.ofHours(1);

	/** This turn answered in another language. */
	public Turn inLang(Lang other) {
		return new Turn(this.eventKey, this.chatKey, this.oneToOne, this.session, other, this.now, this.sentAt);
	}

	/** This turn against another session, e.g. after a flow was left. */
	public Turn withSession(ConversationSession other) {
		return new Turn(this.eventKey, this.chatKey, this.oneToOne, other, this.lang, this.now, this.sentAt);
	}

	/**
	 * When the user acted: the time LINE stamped on the event when it was sent within the
	 * last hour (a tap at 23:59:58 handled at 00:00:01, or redelivered, still counts from
	 * 23:59:58), else the time it is handled. Never later than now.
	 */
	public Instant actedAt() {
		if (this.sentAt == null || this.sentAt.isAfter(this.now) || this.sentAt.isBefore(this.now.minus(MAX_DELAY))) {
			return this.now;
		}
		return this.sentAt;
	}

}
