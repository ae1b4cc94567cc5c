package th.or.depa.sca.bot.handoff;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.linecorp.bot.messaging.model.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.depa.sca.bot.conversation.Decision;
import th.or.depa.sca.bot.conversation.Handoff;
import th.or.depa.sca.bot.conversation.Input;
import th.or.depa.sca.bot.conversation.Replies;
import th.or.depa.sca.bot.conversation.Turn;
import th.or.depa.sca.bot.line.LineMessenger;
import th.or.depa.sca.bot.session.ConversationSession;
import th.or.depa.sca.bot.session.Pause;
import th.or.depa.sca.nlp.intent.Intent;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.MessageKey;

import org.springframework.stereotype.Component;

/**
 * The hand-off in the conversation: opens a request and tells staff, pauses the chat,
 * keeps what the user writes while waiting, and resumes on cancel, release or expiry.
 */
@Component
class HandoffConversation implements Handoff {

	private static final Logger log = LoggerFactory.getLogger(HandoffConversation.class);

	private final HandoffDesk desk;

	private final HandoffProperties properties;

	private final LineMessenger messenger;

	private final Replies replies;

	HandoffConversation(HandoffDesk desk, HandoffProperties properties, LineMessenger messenger, Replies replies) {
		this.desk = desk;
		this.properties = properties;
		this.messenger = messenger;
		this.replies = replies;
	}

	@Override
	public void onUnfollow(Turn turn) {
		if (turn.session().paused()) {
			this.desk.close(turn.chatKey());
		}
	}

	@Override
	public Decision request(Turn turn) {
		ConversationSession session = turn.session();
		Lang lang = turn.lang();
		if (!hasStaffChannel()) {
			// Nobody would read the request: say how to reach the program instead of
			// promising an answer, and keep answering.
			log.atWarn()
				.setMessage("hand-off requested but no staff channel is configured (BOT_HANDOFF_STAFF_GROUP_ID)")
				.log();
			return Decision.answer(session, "handoff-unavailable",
					this.replies.plain(lang, MessageKey.HANDOFF_NO_STAFF));
		}
		String ref = HandoffDesk.reference(turn.eventKey());
		String question = session.lastQuestion();
		this.desk.open(turn.chatKey(), ref, lang.code(), question, turn.now());
		notifyStaff(turn, ref, question);
		OfficeHours hours = this.properties.officeHours();
		List<Message> messages;
		if (hours.isOpen(turn.now())) {
			messages = this.replies.withCancel(lang, MessageKey.HANDOFF_REQUESTED_OPEN,
					Map.of("ref", ref, "closes", Date.from(hours.closingToday(turn.now()).toInstant())));
		}
		else {
			messages = this.replies.withCancel(lang, MessageKey.HANDOFF_REQUESTED_CLOSED,
					Map.of("ref", ref, "opens", Date.from(hours.nextOpening(turn.now()).toInstant())));
		}
		return Decision.answer(session.withPause(new Pause(ref, turn.now(), false)), "handoff-requested", messages);
	}

	@Override
	public Decision whilePaused(Turn turn, Input input) {
		ConversationSession session = turn.session();
		Pause pause = session.pause();
		switch (input) {
			case Input.Internal internal -> {
				if (HandoffDesk.RELEASE.equals(internal.type())) {
					this.desk.close(turn.chatKey());
					return Decision.answer(session.withPause(null), "handoff-released",
							this.replies.plain(turn.lang(), MessageKey.HANDOFF_RELEASED));
				}
				if (HandoffDesk.EXPIRE.equals(internal.type())) {
					if (turn.now().isBefore(pause.since().plus(this.properties.maxPause()))) {
						return Decision.silent(session, "handoff-not-expired");
					}
					this.desk.close(turn.chatKey());
					return Decision.answer(session.withPause(null), "handoff-expired",
							this.replies.plain(turn.lang(), MessageKey.HANDOFF_EXPIRED, Map.of("ref", pause.ref())));
				}
				throw new IllegalStateException("Unknown internal event type '" + internal.type() + "'");
			}
			// Whatever the user writes while waiting is for staff: kept, never lost.
			case Input.Text text -> this.desk.keep(turn.chatKey(), turn.eventKey(), text.text(), turn.now());
			case Input.Media media ->
				this.desk.keep(turn.chatKey(), turn.eventKey(), "[" + media.kind() + "]", turn.now());
			default -> {
			}
		}
		if (!(input instanceof Input.Text || input instanceof Input.Postback)) {
			return acknowledgedOnce(turn);
		}
		if (turn.now().isAfter(pause.since().plus(this.properties.maxPause()))) {
			this.desk.close(turn.chatKey());
			return Decision.answer(session.withPause(null), "handoff-expired",
					this.replies.plain(turn.lang(), MessageKey.HANDOFF_EXPIRED, Map.of("ref", pause.ref())));
		}
		if (input.is(Intent.CANCEL)) {
			this.desk.close(turn.chatKey());
			return Decision.answer(session.withPause(null), "handoff-cancelled",
					this.replies.plain(turn.lang(), MessageKey.HANDOFF_CANCELLED));
		}
		return acknowledgedOnce(turn);
	}

	/**
	 * The first message kept while waiting is acknowledged (with a cancel button), so the
	 * user knows it reached someone; later ones are kept silently.
	 */
	private Decision acknowledgedOnce(Turn turn) {
		ConversationSession session = turn.session();
		if (session.pause().acknowledged()) {
			return Decision.silent(session, "kept-for-staff");
		}
		return Decision.answer(session.withPause(session.pause().acknowledge()), "kept-for-staff-told",
				this.replies.withCancel(turn.lang(), MessageKey.HANDOFF_KEPT, Map.of()));
	}

	@Override
	public Decision onInternal(Turn turn, Input.Internal input) {
		if (HandoffDesk.RELEASE.equals(input.type()) || HandoffDesk.EXPIRE.equals(input.type())) {
			// The chat is no longer paused: nothing to end, but no request stays open.
			this.desk.close(turn.chatKey());
			return Decision.silent(turn.session(), "release-not-paused");
		}
		throw new IllegalStateException("Unknown internal event type '" + input.type() + "'");
	}

	private void notifyStaff(Turn turn, String ref, String question) {
		List<Message> notice = this.replies.staffNotice(ref, Date.from(turn.now()), turn.lang(), question);
		if (!this.properties.staffGroupId().isBlank()) {
			this.messenger.push(this.properties.staffGroupId(), notice, staffRetryKey(turn.eventKey(), "group"));
		}
		if (!this.properties.staffUserIds().isEmpty()) {
			this.messenger.multicast(this.properties.staffUserIds(), notice, staffRetryKey(turn.eventKey(), "users"));
		}
	}

	private boolean hasStaffChannel() {
		return !this.properties.staffGroupId().isBlank() || !this.properties.staffUserIds().isEmpty();
	}

	private static UUID staffRetryKey(String eventKey, String channel) {
		return UUID.nameUUIDFromBytes(("handoff:" + channel + ":" + eventKey).getBytes(StandardCharsets.UTF_8));
	}

}
