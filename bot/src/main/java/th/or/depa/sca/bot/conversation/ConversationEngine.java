package th.or.depa.sca.bot.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.webhook.model.Event;
import com.linecorp.bot.webhook.model.EventMode;
import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.ReplyEvent;
import com.linecorp.bot.webhook.model.TextMessageContent;
import com.linecorp.bot.webhook.model.UserSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.depa.sca.bot.LogSafe;
import th.or.depa.sca.bot.inbox.EventProcessor;
import th.or.depa.sca.bot.inbox.InboundEvent;
import th.or.depa.sca.bot.line.LineMessenger;
import th.or.depa.sca.bot.session.ConversationSession;
import th.or.depa.sca.bot.session.SessionStore;
import th.or.depa.sca.bot.session.SessionWrite;
import th.or.depa.sca.nlp.intent.Intent;
import th.or.depa.sca.nlp.intent.IntentMatch;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.MessageKey;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Handles each event of a chat and owns the one order in which an event is looked at:
 * <ol>
 * <li>guards: standby-mode events and events already applied change nothing;</li>
 * <li>group chats: the bot speaks only when called;</li>
 * <li>hand-off pause: while staff have the chat, everything goes to {@link Handoff};</li>
 * <li>anytime commands (cancel, back, staff, language, delete my data, help), unless the
 * active flow takes the command over;</li>
 * <li>the active flow, or the flow a tapped button belongs to;</li>
 * <li>when idle, a command that starts a flow, else the FAQ ({@link IdleHandler}).</li>
 * </ol>
 * It sends what the decision says and returns the session change, which the inbox stores
 * in the step that finishes the event. An event replayed after a crash is handled again
 * from the unchanged session; its reply is not pushed a second time (see
 * {@link LineMessenger#reply}).
 */
@Component
class ConversationEngine implements EventProcessor {

	private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);

	private static final ObjectMapper LINE_JSON = ModelObjectMapper.createNewObjectMapper();

	/** Commands that work whatever the chat is doing. */
	private static final Set<Intent> ANYTIME = EnumSet.of(Intent.CANCEL, Intent.BACK, Intent.TALK_TO_STAFF,
			Intent.CHANGE_LANGUAGE, Intent.DELETE_MY_DATA, Intent.HELP);

	private final SessionStore sessions;

	private final LineMessenger messenger;

	private final Replies replies;

	private final Inputs inputs;

	private final Map<String, Flow> flows;

	private final Map<Class<?>, Flow> flowsByState;

	private final Handoff handoff;

	private final IdleHandler idle;

	private final LoadingIndicator loading;

	private final Clock clock;

	ConversationEngine(SessionStore sessions, LineMessenger messenger, Replies replies, Inputs inputs, List<Flow> flows,
			Handoff handoff, IdleHandler idle, LoadingIndicator loading, ObjectProvider<Clock> clock) {
		this.sessions = sessions;
		this.messenger = messenger;
		this.replies = replies;
		this.inputs = inputs;
		this.flows = new LinkedHashMap<>();
		this.flowsByState = new LinkedHashMap<>();
		for (Flow flow : flows) {
			if (this.flows.put(flow.id(), flow) != null) {
				throw new IllegalStateException("Two flows have the id '" + flow.id() + "'");
			}
			this.flowsByState.put(flow.stateType(), flow);
		}
		this.handoff = handoff;
		this.idle = idle;
		this.loading = loading;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public SessionWrite process(InboundEvent inbound, String storedSession, boolean replayed) {
		long started = System.nanoTime();
		String internal = inbound.internalType();
		Event event = (internal != null) ? null : parse(inbound);
		String type = (internal != null) ? "internal/" + internal : Inputs.typeOf(event);
		if (event != null && event.mode() == EventMode.STANDBY) {
			// Another channel (e.g. a staff chat tool) is active for this chat: watch,
			// never answer.
			logLine(inbound, type, "standby", null, started);
			return SessionWrite.KEEP;
		}
		ConversationSession session = this.sessions.decode(storedSession);
		if (session.hasApplied(inbound.key())) {
			logLine(inbound, type, "already-applied", null, started);
			return SessionWrite.KEEP;
		}
		boolean oneToOne = (event == null) || event.source() instanceof UserSource;
		Turn turn = new Turn(inbound.key(), inbound.chatKey(), oneToOne, session, Lang.fromCode(session.lang()),
				this.clock.instant(), (event != null && event.timestamp() != null)
						? java.time.Instant.ofEpochMilli(event.timestamp()) : null);
		Decision decision;
		LoadingIndicator.Watch watch = this.loading.watch(answeredUser(event));
		try {
			Input input = (event == null) ? this.inputs.internal(inbound) : this.inputs.of(event);
			decision = decide(turn, input);
		}
		finally {
			watch.close();
		}
		SessionWrite write = decision.forget() ? this.sessions.deleting(session)
				: this.sessions.saving(decision.session(), inbound.key());
		LineMessenger.Delivery delivery = null;
		if (!decision.messages().isEmpty()) {
			try {
				delivery = this.messenger.reply((event != null) ? replyToken(event) : null, inbound.chatKey(),
						decision.messages(), () -> retryKey(inbound.key()), replayed);
			}
			catch (RuntimeException ex) {
				logLine(inbound, type, decision.outcome(), LineMessenger.Delivery.FAILED, started);
				throw new DeliveryFailedException(write, ex);
			}
		}
		logLine(inbound, type, decision.outcome(), delivery, started);
		return write;
	}

	private Decision decide(Turn turn, Input input) {
		ConversationSession session = turn.session();
		if (input instanceof Input.Unfollow) {
			this.handoff.onUnfollow(turn);
			return Decision.forget("unfollowed", List.of());
		}
		if (!turn.oneToOne()) {
			return inGroup(turn, input);
		}
		if (session.paused()) {
			return this.handoff.whilePaused(turn, input);
		}
		if (input instanceof Input.Internal internal) {
			return this.handoff.onInternal(turn, internal);
		}
		Flow active = active(session);
		Optional<IntentMatch> command = input.command();
		if (command.isPresent() && ANYTIME.contains(command.get().intent())) {
			Intent intent = command.get().intent();
			if (active != null && active.takesOver(intent)) {
				return active.handle(turn, input);
			}
			return anytime(turn, input, command.get(), active);
		}
		if (input instanceof Input.Postback postback && postback.action() instanceof Postbacks.Step step) {
			Flow owner = this.flows.get(step.flow());
			if (owner == null) {
				return Decision.answer(session, "unknown-postback", this.replies.unknownButton(turn.lang()));
			}
			return (owner == active) ? active.handle(turn, input) : owner.start(turn, input);
		}
		if (active != null) {
			return active.handle(turn, input);
		}
		if (command.isPresent()) {
			for (Flow flow : this.flows.values()) {
				if (flow.starters().contains(command.get().intent())) {
					return flow.start(turn, input);
				}
			}
		}
		return this.idle.handle(turn, input);
	}

	private Decision anytime(Turn turn, Input input, IntentMatch command, Flow active) {
		ConversationSession session = turn.session();
		Lang lang = turn.lang();
		return switch (command.intent()) {
			case HELP -> Decision.answer(session, "help", this.replies.help(lang));
			case CHANGE_LANGUAGE -> changeLanguage(session, lang, command);
			case TALK_TO_STAFF -> this.handoff.request(turn);
			case CANCEL, BACK -> (active != null)
					? Decision.answer(session.idle(), "cancelled-" + active.id(),
							this.replies.plain(lang, MessageKey.CANCEL_DONE))
					: Decision.answer(session, "cancel-nothing", this.replies.plain(lang, MessageKey.CANCEL_NOTHING));
			default -> startingFlow(command.intent()).map((flow) -> flow.start(turn, input))
				.orElseThrow(() -> new IllegalStateException("No flow starts on " + command.intent()));
		};
	}

	private Decision inGroup(Turn turn, Input input) {
		ConversationSession session = turn.session();
		if (input instanceof Input.Join) {
			return Decision.answer(session, "group-greeting", this.replies.groupGreeting(turn.lang()));
		}
		// In groups the bot speaks only when called, not on every chat line.
		if (input instanceof Input.Text && input.is(Intent.HELP)) {
			return Decision.answer(session, "help", this.replies.help(turn.lang()));
		}
		return Decision.silent(session, "group-chatter");
	}

	private Decision changeLanguage(ConversationSession session, Lang lang, IntentMatch match) {
		Lang next = match.hasArgument() ? Lang.fromCode(match.argument()) : ((lang == Lang.TH) ? Lang.EN : Lang.TH);
		return Decision.answer(session.withLang(next.code()), "language-" + next.code(),
				this.replies.plain(next, MessageKey.LANGUAGE_CHANGED));
	}

	private Optional<Flow> startingFlow(Intent intent) {
		return this.flows.values().stream().filter((flow) -> flow.starters().contains(intent)).findFirst();
	}

	private Flow active(ConversationSession session) {
		if (session.flow() == null) {
			return null;
		}
		Flow flow = this.flowsByState.get(session.flow().getClass());
		if (flow == null) {
			throw new IllegalStateException("No flow keeps state " + session.flow().getClass().getSimpleName());
		}
		return flow;
	}

	private static String answeredUser(Event event) {
		if (event instanceof MessageEvent message && event.source() instanceof UserSource user
				&& message.message() instanceof TextMessageContent) {
			return user.userId();
		}
		return null;
	}

	private static Event parse(InboundEvent inbound) {
		try {
			return LINE_JSON.readValue(inbound.json(), Event.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Event " + inbound.key() + " is not a LINE event", ex);
		}
	}

	private static String replyToken(Event event) {
		return (event instanceof ReplyEvent reply) ? reply.replyToken() : null;
	}

	/**
	 * The same event always pushes under the same retry key, so LINE drops a replayed
	 * push.
	 */
	static UUID retryKey(String eventKey) {
		return UUID.nameUUIDFromBytes(("reply:" + eventKey).getBytes(StandardCharsets.UTF_8));
	}

	private static void logLine(InboundEvent inbound, String type, String outcome, LineMessenger.Delivery delivery,
			long started) {
		log.atInfo()
			.setMessage("event handled")
			.addKeyValue("event", inbound.key())
			.addKeyValue("type", type)
			.addKeyValue("chat", LogSafe.chat(inbound.chatKey()))
			.addKeyValue("outcome", outcome)
			.addKeyValue("delivery", (delivery != null) ? delivery.name().toLowerCase(Locale.ROOT) : "none")
			.addKeyValue("ms", (System.nanoTime() - started) / 1_000_000)
			.log();
	}

}
