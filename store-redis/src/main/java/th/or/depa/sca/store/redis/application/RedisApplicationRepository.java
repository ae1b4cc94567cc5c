package th.or.depa.sca.store.redis.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import th.or.depa.sca.domain.application.Application;
import th.or.depa.sca.domain.application.ApplicationNumber;
import th.or.depa.sca.domain.application.ApplicationRepository;
import th.or.depa.sca.domain.application.ApplicationStatus;
import th.or.depa.sca.domain.application.Submission;
import th.or.depa.sca.domain.application.SubmitResult;
import th.or.depa.sca.domain.privacy.Consent;
import th.or.depa.sca.domain.round.ApplicantType;
import th.or.depa.sca.domain.round.Round;
import th.or.depa.sca.store.redis.RedisKeys;
import th.or.depa.sca.store.redis.crypto.KeyedHash;
import th.or.depa.sca.store.redis.crypto.PersonalDataSealer;

/**
 * {@link ApplicationRepository} on Redis (layout in {@link RedisKeys}). Every write is
 * one Lua script, so a submission delivered twice or by two instances at once creates one
 * application. The answers are sealed as one JSON blob bound to round, type and user; the
 * national ID or city is kept only as a keyed hash. Round windows are compared at
 * millisecond precision.
 */
public final class RedisApplicationRepository implements ApplicationRepository {

	private static final String SCRIPTS = "th/or/depa/sca/store/redis/application/";

	private static final RedisScript<String> SUBMIT = script("submit.lua");

	private static final RedisScript<String> WITHDRAW = script("withdraw-lib.lua", "withdraw.lua");

	private static final RedisScript<String> ERASE_USER = script("withdraw-lib.lua", "erase-user.lua");

	private static final RedisScript<String> SET_STATUS = script("set-status.lua");

	// Loaded once as text, like the others: a script made from a resource looks the
	// resource up again on every call, through the class loader of the thread that first
	// made it (in a web app, one that is gone after a restart).
	private static final RedisScript<Long> ERASE_ROUND = script(Long.class, "erase-round.lua");

	private static final Type ANSWERS = TypeToken.getParameterized(Map.class, String.class, String.class).getType();

	private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

	private final StringRedisTemplate redis;

	private final PersonalDataSealer sealer;

	private final KeyedHash hash;

	public RedisApplicationRepository(StringRedisTemplate redis, PersonalDataSealer sealer, KeyedHash hash) {
		this.redis = Objects.requireNonNull(redis, "redis");
		this.sealer = Objects.requireNonNull(sealer, "sealer");
		this.hash = Objects.requireNonNull(hash, "hash");
	}

	@Override
	public SubmitResult submit(Submission submission, Instant now) {
		String roundId = submission.round().id();
		ApplicantType type = submission.type();
		String user = submission.lineUserId();
		String uniq = this.hash.hash(submission.uniqueKey());
		String answers = this.sealer.seal(GSON.toJson(new TreeMap<>(submission.answers())),
				associatedData(roundId, type, user));
		Consent consent = submission.consent();
		List<String> keys = List.of(RedisKeys.user(roundId, type, user), RedisKeys.unique(roundId, type, uniq),
				RedisKeys.sequence(roundId, type), RedisKeys.byUser(user));
		String numberPrefix = "SCA%d-%s-".formatted(submission.round().number(), type.letter());
		String result = this.redis.execute(SUBMIT, keys, millis(now), millis(submission.round().opens()),
				millis(submission.round().closes()), numberPrefix, RedisKeys.RECORD, millis(now),
				// the record's fields
				Field.ROUND, roundId, Field.TYPE, type.code(), Field.STATUS, ApplicationStatus.SUBMITTED.code(),
				Field.USER, user, Field.PROVINCE, submission.province(), Field.ANSWERS, answers, Field.UNIQUE, uniq,
				Field.CONSENT_PURPOSE, consent.purpose(), Field.CONSENT_VERSION, consent.noticeVersion(),
				Field.CONSENT_AT, consent.givenAt().toString(), Field.SUBMITTED_AT, now.toString(), Field.UPDATED_AT,
				now.toString());
		String[] reply = Objects.requireNonNull(result, "submit script gave no reply").split(" ", 2);
		return switch (reply[0]) {
			case "closed" -> new SubmitResult.RoundClosed();
			case "duplicate" -> new SubmitResult.Duplicate();
			case "already" -> new SubmitResult.AlreadySubmitted(number(reply[1]));
			case "created" -> new SubmitResult.Created(new Application(number(reply[1]), roundId, type,
					ApplicationStatus.SUBMITTED, user, submission.province(), submission.answers(), consent, now, now));
			default -> throw new IllegalStateException("Unexpected reply from the submit script: " + reply[0]);
		};
	}

	@Override
	public Optional<Application> find(ApplicationNumber number) {
		Map<String, String> fields = this.redis.<String, String>opsForHash().entries(RedisKeys.record(number));
		return fields.isEmpty() ? Optional.empty() : Optional.of(read(number, fields));
	}

	@Override
	public List<Application> findByUser(String lineUserId) {
		Set<String> numbers = this.redis.opsForZSet().reverseRange(RedisKeys.byUser(lineUserId), 0, -1);
		List<Application> applications = new ArrayList<>();
		if (numbers != null) {
			for (String number : numbers) {
				find(number(number)).ifPresent(applications::add);
			}
		}
		return applications;
	}

	@Override
	public Optional<Application> withdraw(ApplicationNumber number, Instant now) {
		String result = this.redis.execute(WITHDRAW, List.of(RedisKeys.record(number)), now.toString(), RedisKeys.USER,
				RedisKeys.UNIQUE, RedisKeys.BY_USER);
		return "none".equals(result) ? Optional.empty() : find(number);
	}

	@Override
	public Optional<Application> setStatus(ApplicationNumber number, ApplicationStatus status, Instant now) {
		if (status == ApplicationStatus.WITHDRAWN) {
			// Withdrawn means the personal data is gone, whoever sets it.
			return withdraw(number, now);
		}
		String result = this.redis.execute(SET_STATUS, List.of(RedisKeys.record(number)), status.code(),
				now.toString());
		return "none".equals(result) ? Optional.empty() : find(number);
	}

	@Override
	public int eraseRound(Round round, Instant now) {
		long erased = 0;
		for (ApplicantType type : ApplicantType.values()) {
			Long count = this.redis.execute(ERASE_ROUND, List.of(), RedisKeys.RECORD,
					"SCA%d-%s-".formatted(round.number(), type.letter()), RedisKeys.sequence(round.id(), type),
					now.toString(), RedisKeys.USER, RedisKeys.UNIQUE, RedisKeys.BY_USER, round.id(), type.code());
			erased += (count != null) ? count : 0;
		}
		return (int) erased;
	}

	@Override
	public List<ApplicationNumber> eraseUser(String lineUserId, Instant now) {
		String result = this.redis.execute(ERASE_USER, List.of(RedisKeys.byUser(lineUserId)), now.toString(),
				RedisKeys.RECORD, RedisKeys.USER, RedisKeys.UNIQUE, RedisKeys.BY_USER);
		if (result == null || result.isEmpty()) {
			return List.of();
		}
		return result.lines().map(RedisApplicationRepository::number).toList();
	}

	private Application read(ApplicationNumber number, Map<String, String> fields) {
		String roundId = required(fields, Field.ROUND, number);
		ApplicantType type = ApplicantType.fromCode(required(fields, Field.TYPE, number))
			.orElseThrow(() -> new IllegalStateException("Application " + number + " has an unknown type"));
		ApplicationStatus status = ApplicationStatus.fromCode(required(fields, Field.STATUS, number))
			.orElseThrow(() -> new IllegalStateException("Application " + number + " has an unknown status"));
		String user = fields.get(Field.USER);
		String sealed = fields.get(Field.ANSWERS);
		Map<String, String> answers = Map.of();
		if (sealed != null && user != null) {
			answers = GSON.fromJson(this.sealer.open(sealed, associatedData(roundId, type, user)), ANSWERS);
		}
		Consent consent = null;
		if (fields.containsKey(Field.CONSENT_PURPOSE)) {
			consent = new Consent(fields.get(Field.CONSENT_PURPOSE), required(fields, Field.CONSENT_VERSION, number),
					Instant.parse(required(fields, Field.CONSENT_AT, number)));
		}
		return new Application(number, roundId, type, status, user, fields.get(Field.PROVINCE), answers, consent,
				instant(fields.get(Field.SUBMITTED_AT)), instant(fields.get(Field.UPDATED_AT)));
	}

	/**
	 * Binds sealed answers to their record, so that a blob copied into another record (or
	 * round, or user) does not open.
	 */
	private static String associatedData(String roundId, ApplicantType type, String lineUserId) {
		return "sca:app:answers:v1|" + roundId + "|" + type.code() + "|" + lineUserId;
	}

	private static String required(Map<String, String> fields, String field, ApplicationNumber number) {
		String value = fields.get(field);
		if (value == null) {
			throw new IllegalStateException("Application " + number + " has no '" + field + "'");
		}
		return value;
	}

	private static Instant instant(String text) {
		return (text != null) ? Instant.parse(text) : null;
	}

	private static ApplicationNumber number(String text) {
		return ApplicationNumber.parse(text)
			.orElseThrow(() -> new IllegalStateException("Not an application number in Redis: '" + text + "'"));
	}

	private static String millis(Instant instant) {
		return Long.toString(instant.toEpochMilli());
	}

	private static RedisScript<String> script(String... files) {
		return script(String.class, files);
	}

	private static <T> RedisScript<T> script(Class<T> type, String... files) {
		StringBuilder source = new StringBuilder();
		for (String file : files) {
			try {
				source.append(new ClassPathResource(SCRIPTS + file).getContentAsString(StandardCharsets.UTF_8))
					.append('\n');
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Missing Lua script '" + file + "'", ex);
			}
		}
		return RedisScript.of(source.toString(), type);
	}

	/** The record's hash fields. */
	private static final class Field {

		static final String ROUND = "round";

		static final String TYPE = "type";

		static final String STATUS = "status";

		static final String USER = "user";

		static final String PROVINCE = "province";

		static final String ANSWERS = "answers";

		static final String UNIQUE = "uniq";

		static final String CONSENT_PURPOSE = "consentPurpose";

		static final String CONSENT_VERSION = "consentVersion";

		static final String CONSENT_AT = "consentAt";

		static final String SUBMITTED_AT = "submittedAt";

		static final String UPDATED_AT = "updatedAt";

	}

}
