package th.or.depa.sca.bot.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One chat's conversation state: the active flow's typed state, whether staff have the
 * chat, its language, the last question asked (for staff), and the last events applied
 * (so that an event handled twice after a crash changes nothing the second time).
 *
 * @param schema layout version of this record, for migrations
 * @param version optimistic-locking version; 0 for a session not yet stored
 * @param flow the active flow's state, null when idle
 * @param pause set while the chat is handed off to staff
 * @param lang language code ("th" or "en")
 * @param lastQuestion the last question the FAQ was asked, for a hand-off notice
 * @param recentEvents keys of the last events applied, newest last
 * @param updatedAt when the session last changed
 */
public record ConversationSession(int schema, long version, FlowState flow, Pause pause, String lang,
		String lastQuestion, List<String> recentEvents, Instant updatedAt) {

	/** The layout version this code writes. */
	public static final int SCHEMA = 2;

	static final int RECENT_EVENTS = 32;

	public ConversationSession {
		recentEvents = (recentEvents != null) ? List.copyOf(recentEvents) : List.of();
		lang = (lang != null) ? lang : "th";
		lastQuestion = (lastQuestion != null) ? lastQuestion : "";
	}

	/** A fresh session. */
	public static ConversationSession start() {
		return new ConversationSession(SCHEMA, 0, null, null, "th", "", List.of(), null);
	}

	/** Whether the event was already applied to this session. */
	public boolean hasApplied(String eventKey) {
		return this.recentEvents.contains(eventKey);
	}

	/** Whether staff have the chat. */
	public boolean paused() {
		return this.pause != null;
	}

	/** The active flow's state if it is of this type. */
	public <T extends FlowState> java.util.Optional<T> flow(Class<T> type) {
		return type.isInstance(this.flow) ? java.util.Optional.of(type.cast(this.flow)) : java.util.Optional.empty();
	}

	/** This session in another flow state (null: idle). */
	public ConversationSession withFlow(FlowState next) {
		return new ConversationSession(this.schema, this.version, next, this.pause, this.lang, this.lastQuestion,
				this.recentEvents, this.updatedAt);
	}

	/** This session with no active flow. */
	public ConversationSession idle() {
		return withFlow(null);
	}

	/** This session handed off to staff, or back from them (null). */
	public ConversationSession withPause(Pause next) {
		return new ConversationSession(this.schema, this.version, this.flow, next, this.lang, this.lastQuestion,
				this.recentEvents, this.updatedAt);
	}

	/** This session remembering the last question asked. */
	public ConversationSession withLastQuestion(String question) {
		return new ConversationSession(this.schema, this.version, this.flow, this.pause, this.lang, question,
				this.recentEvents, this.updatedAt);
	}

	/** This session in another language. */
	public ConversationSession withLang(String code) {
		return new ConversationSession(this.schema, this.version, this.flow, this.pause, code, this.lastQuestion,
				this.recentEvents, this.updatedAt);
	}

	ConversationSession applied(String eventKey, Instant now) {
		List<String> recent = new ArrayList<>(this.recentEvents);
		recent.add(eventKey);
		if (recent.size() > RECENT_EVENTS) {
			recent = recent.subList(recent.size() - RECENT_EVENTS, recent.size());
		}
		return new ConversationSession(SCHEMA, this.version, this.flow, this.pause, this.lang, this.lastQuestion,
				recent, now);
	}

	ConversationSession withVersion(long version) {
		return new ConversationSession(this.schema, version, this.flow, this.pause, this.lang, this.lastQuestion,
				this.recentEvents, this.updatedAt);
	}

}
