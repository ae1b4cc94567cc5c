package th.or.depa.sca.store.redis;

import th.or.depa.sca.domain.application.ApplicationNumber;
import th.or.depa.sca.domain.round.ApplicantType;

/**
 * The Redis key layout of this module, in one place. No key or value holds a national ID,
 * name, phone number or e-mail in clear: answers are sealed, uniqueness keys are keyed
 * hashes, and the LINE user id (a pseudonymous id, the lookup key) is the only identifier
 * kept in clear.
 *
 * <pre>
 * sca:app:seq:{roundId}:{type}              string  last sequence given in the round and type (INCR)
 * sca:app:rec:{number}                      hash    one application: number, round, type, status,
 *                                                   user, province, answers (sealed JSON), uniq
 *                                                   (keyed hash), consentPurpose, consentVersion,
 *                                                   consentAt, submittedAt, updatedAt; a withdrawn
 *                                                   one keeps no user, answers or uniq
 * sca:app:user:{roundId}:{type}:{lineUserId} string the user's live application in the round and type
 * sca:app:uniq:{roundId}:{type}:{hash}      string  the live application holding this national ID or city
 * sca:app:byuser:{lineUserId}               zset    the user's application numbers, scored by
 *                                                   submission time (ms); withdrawn ones leave it, deleted
 *                                                   when the user is erased
 * sca:optin:user:{lineUserId}               hash    next-round opt-in: purpose, noticeVersion, givenAt
 * sca:optin:users                           set     users who opted in
 * </pre>
 *
 * Type is {@link ApplicantType#code()} ({@code youth}, {@code city}); times are ISO-8601
 * instants. The scripts build record, user and uniqueness keys from these prefixes, so
 * they suit a standalone or Sentinel Redis, not Redis Cluster.
 */
public final class RedisKeys {

	/** Prefix of every application key. */
	public static final String APPLICATION = "sca:app:";

	/** Prefix of application records, followed by the number. */
	public static final String RECORD = APPLICATION + "rec:";

	/** Prefix of the per-user index, followed by round, type and LINE user. */
	public static final String USER = APPLICATION + "user:";

	/** Prefix of the uniqueness index, followed by round, type and keyed hash. */
	public static final String UNIQUE = APPLICATION + "uniq:";

	/** Prefix of every opt-in key. */
	public static final String OPT_IN = "sca:optin:";

	private RedisKeys() {
	}

	/** The sequence counter of a round and type. */
	public static String sequence(String roundId, ApplicantType type) {
		return APPLICATION + "seq:" + roundId + ":" + type.code();
	}

	/** The record of an application. */
	public static String record(ApplicationNumber number) {
		return RECORD + number;
	}

	/** The user's live application in a round and type. */
	public static String user(String roundId, ApplicantType type, String lineUserId) {
		return USER + roundId + ":" + type.code() + ":" + lineUserId;
	}

	/**
	 * The live application holding a national ID or city (by keyed hash) in a round and
	 * type.
	 */
	public static String unique(String roundId, ApplicantType type, String keyedHash) {
		return UNIQUE + roundId + ":" + type.code() + ":" + keyedHash;
	}

	/** Prefix of each user's list of application numbers. */
	public static final String BY_USER = APPLICATION + "byuser:";

	/** The user's application numbers, newest last by score; withdrawn ones leave it. */
	public static String byUser(String lineUserId) {
		return BY_USER + lineUserId;
	}

	/** The user's next-round opt-in. */
	public static String optIn(String lineUserId) {
		return OPT_IN + "user:" + lineUserId;
	}

	/** Every user who opted in. */
	public static String optInUsers() {
		return OPT_IN + "users";
	}

}
