package th.or.depa.sca.bot.registration;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.TextMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.depa.sca.bot.LogSafe;
import th.or.depa.sca.bot.line.LineMessenger;
import th.or.depa.sca.bot.rounds.ApplyingStatus;
import th.or.depa.sca.bot.session.SessionStore;
import th.or.depa.sca.domain.round.Round;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.MessageCatalog;
import th.or.depa.sca.templates.MessageKey;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps which chats have an unfinished form per round, and reminds them once, a day
 * before the round closes. The job runs on one instance at a time (ShedLock on Redis);
 * each reminder is recorded before it is sent, so a run that repeats, on this instance or
 * another, reminds no one twice.
 */
@Component
class DraftReminders {

	private static final Logger log = LoggerFactory.getLogger(DraftReminders.class);

	private static final String PREFIX = "sca:reg:";

	private final StringRedisTemplate redis;

	private final ApplyingStatus status;

	private final RegistrationProperties properties;

	// Sessions know the flows' state types, and this flow's part uses this: looked up
	// when needed.
	private final ObjectProvider<SessionStore> sessions;

	private final LineMessenger messenger;

	private final MessageCatalog catalog;

	private final Clock clock;

	DraftReminders(StringRedisTemplate redis, ApplyingStatus status, RegistrationProperties properties,
			ObjectProvider<SessionStore> sessions, LineMessenger messenger, MessageCatalog catalog,
			ObjectProvider<Clock> clock) {
		this.redis = redis;
		this.status = status;
		this.properties = properties;
		this.sessions = sessions;
		this.messenger = messenger;
		this.catalog = catalog;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The chat has an unfinished form for the round, last touched now. */
	void touch(String roundId, String chatKey, Instant now) {
		this.redis.opsForZSet().add(drafts(roundId), chatKey, now.toEpochMilli());
	}

	/** The chat's form for the round is submitted, cancelled or dropped. */
	void forget(String roundId, String chatKey) {
		this.redis.opsForZSet().remove(drafts(roundId), chatKey);
	}

	/** The chat asked to be forgotten: no round keeps it. */
	void forgetEverywhere(String chatKey) {
		for (Round round : this.status.calendar().rounds()) {
			this.redis.opsForZSet().remove(drafts(round.id()), chatKey);
			this.redis.opsForSet().remove(reminded(round.id()), chatKey);
		}
	}

	@Scheduled(fixedDelayString = "${bot.registration.reminder-check:1m}",
			initialDelayString = "${bot.registration.reminder-check:1m}")
	@SchedulerLock(name = "registration-reminder", lockAtMostFor = "10m", lockAtLeastFor = "5s")
	void remindIfDue() {
		remind(this.clock.instant());
	}

	/**
	 * Reminds, once, every chat whose form for the open round is unfinished, when the
	 * round closes within the reminder period.
	 * @return how many reminders were sent
	 */
	int remind(Instant now) {
		Round round = this.status.open(now).orElse(null);
		if (round == null || now.isBefore(round.closes().minus(this.properties.reminderBefore()))) {
			return 0;
		}
		Duration ttl = this.properties.draftTtl();
		Set<String> chats = this.redis.opsForZSet()
			.rangeByScore(drafts(round.id()), now.minus(ttl).toEpochMilli(), Double.POSITIVE_INFINITY);
		if (chats == null) {
			return 0;
		}
		int sent = 0;
		for (String chat : chats) {
			boolean drafting = this.sessions.getObject()
				.find(chat)
				.flatMap((session) -> session.flow(RegistrationState.class))
				.filter((state) -> round.id().equals(state.roundId()) && state.form() != null)
				.isPresent();
			if (!drafting) {
				// Submitted, cancelled, deleted or unfollowed since: nothing to remind
				// of.
				forget(round.id(), chat);
				continue;
			}
			Long added = this.redis.opsForSet().add(reminded(round.id()), chat);
			if (added == null || added == 0) {
				continue;
			}
			Lang lang = this.sessions.getObject()
				.find(chat)
				.map((session) -> Lang.fromCode(session.lang()))
				.orElse(Lang.TH);
			List<Message> reminder = List
				.of(new TextMessage(this.catalog.text(lang, MessageKey.REG_REMINDER, this.status.roundArgs(round))));
			try {
				this.messenger.push(chat, reminder, retryKey(round.id(), chat));
				sent++;
			}
			catch (RuntimeException ex) {
				// Not delivered: let a later run try again (the retry key keeps LINE from
				// showing it twice).
				this.redis.opsForSet().remove(reminded(round.id()), chat);
				log.atWarn()
					.setMessage("draft reminder not delivered")
					.addKeyValue("chat", LogSafe.chat(chat))
					.addKeyValue("error", ex.getClass().getSimpleName())
					.log();
			}
		}
		if (sent > 0) {
			log.atInfo()
				.setMessage("draft reminders sent")
				.addKeyValue("round", round.id())
				.addKeyValue("sent", sent)
				.log();
		}
		return sent;
	}

	private static UUID retryKey(String roundId, String chat) {
		return UUID.nameUUIDFromBytes(("reminder:" + roundId + ":" + chat).getBytes(StandardCharsets.UTF_8));
	}

	static String drafts(String roundId) {
		return PREFIX + "drafts:" + roundId;
	}

	static String reminded(String roundId) {
		return PREFIX + "reminded:" + roundId;
	}

}
