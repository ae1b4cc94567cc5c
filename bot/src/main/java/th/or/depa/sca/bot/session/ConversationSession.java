package th.or.depa.sca.bot.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chat's conversation state: the flow and step it is in, what it collected so far,
 * its language, and the last events applied (so that an event handled twice after a crash
 * changes nothing the second time).
 *
 * @param schema layout version of this record, for migrations
 * @param version optimistic-locking version; 0 for a session not yet stored
 * @param flow current flow, null when idle
 * @param step current step within the flow
 * @param values values collected by the flow
 * @param lang language code ("th" or "en")
 * @param recentEvents keys of the last events applied, newest last
 * @param updatedAt when the session last changed
 */
public record ConversationSession(int schema, long version, String flow, String step, Map<String, String> values,
		String lang, List<String> recentEvents, Instant updatedAt) {

	/** The layout version this code writes. */
	public static final int SCHEMA = 1;

	static final int RECENT_EVENTS = 32;

	public ConversationSession {
		values = (values != null) ? Map.copyOf(values) : Map.of();
		recentEvents = (recentEvents != null) ? List.copyOf(recentEvents) : List.of();
		lang = (lang != null) ? lang : "th";
	}

	/** A fresh session. */
	public static ConversationSession start() {
		return new ConversationSession(SCHEMA, 0, null, null, Map.of(), "th", List.of(), null);
	}

	/** Whether the event was already applied to this session. */
	public boolean hasApplied(String eventKey) {
		return this.recentEvents.contains(eventKey);
	}

	/** This session moved to another flow and step. */
	public ConversationSession withStep(String flow, String step) {
		return new ConversationSession(this.schema, this.version, flow, step, this.values, this.lang, this.recentEvents,
				this.updatedAt);
	}

	/** This session with one more collected value. */
	public ConversationSession withValue(String name, String value) {
		Map<String, String> next = new LinkedHashMap<>(this.values);
		next.put(name, value);
		return new ConversationSession(this.schema, this.version, this.flow, this.step, next, this.lang,
				this.recentEvents, this.updatedAt);
	}

	/** This session without a collected value. */
	public ConversationSession withoutValue(String name) {
		Map<String, String> next = new LinkedHashMap<>(this.values);
		next.remove(name);
		return new ConversationSession(this.schema, this.version, this.flow, this.step, next, this.lang,
				this.recentEvents, this.updatedAt);
	}

	/** This session in another language. */
	public ConversationSession withLang(String code) {
		return new ConversationSession(this.schema, this.version, this.flow, this.step, this.values, code,
				this.recentEvents, this.updatedAt);
	}

	ConversationSession applied(String eventKey, Instant now) {
		List<String> recent = new ArrayList<>(this.recentEvents);
		recent.add(eventKey);
		if (recent.size() > RECENT_EVENTS) {
			recent = recent.subList(recent.size() - RECENT_EVENTS, recent.size());
		}
		return new ConversationSession(SCHEMA, this.version, this.flow, this.step, this.values, this.lang, recent, now);
	}

	ConversationSession withVersion(long version) {
		return new ConversationSession(this.schema, version, this.flow, this.step, this.values, this.lang,
				this.recentEvents, this.updatedAt);
	}

}
