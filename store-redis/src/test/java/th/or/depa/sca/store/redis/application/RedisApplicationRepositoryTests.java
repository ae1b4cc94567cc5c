package th.or.depa.sca.store.redis.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import th.or.depa.sca.domain.application.Application;
import th.or.depa.sca.domain.application.ApplicationNumber;
import th.or.depa.sca.domain.application.ApplicationStatus;
import th.or.depa.sca.domain.application.Submission;
import th.or.depa.sca.domain.application.SubmitResult;
import th.or.depa.sca.domain.round.ApplicantType;
import th.or.depa.sca.store.redis.EmbeddedRedis;
import th.or.depa.sca.store.redis.RedisKeys;
import th.or.depa.sca.store.redis.TestData;
import th.or.depa.sca.store.redis.crypto.KeyedHash;
import th.or.depa.sca.store.redis.crypto.PersonalDataSealer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;
import static th.or.depa.sca.store.redis.TestData.DURING;
import static th.or.depa.sca.store.redis.TestData.ROUND_2;

class RedisApplicationRepositoryTests {

	private static final String DATA_KEY = PersonalDataSealer.generateKeyset();

	private static final String INDEX_KEY = KeyedHash.generateKeyset();

	private static EmbeddedRedis redis;

	private RedisApplicationRepository repository;

	@BeforeAll
	static void startRedis() {
		redis = EmbeddedRedis.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@BeforeEach
	void emptyRedis() {
		redis.flush();
		this.repository = repository(redis.template());
	}

	private static RedisApplicationRepository repository(StringRedisTemplate template) {
		return new RedisApplicationRepository(template, new PersonalDataSealer(DATA_KEY), new KeyedHash(INDEX_KEY));
	}

	@Test
	void shouldNumberApplicationsInTheOrderTheyArrive() {
		SubmitResult first = this.repository.submit(TestData.somchai("U-somchai"), DURING);
		SubmitResult second = this.repository.submit(TestData.youth("U-malee", TestData.OTHER_NATIONAL_ID, "มาลี",
				"สุขใจ", "0898765432", "malee.s@example.com"), DURING.plusSeconds(5));

		assertThat(first).isInstanceOfSatisfying(SubmitResult.Created.class,
				(created) -> assertThat(created.application().number()).hasToString("SCA2-Y-000001"));
		assertThat(second).isInstanceOfSatisfying(SubmitResult.Created.class,
				(created) -> assertThat(created.application().number()).hasToString("SCA2-Y-000002"));
	}

	@Test
	void shouldNumberCitiesApartFromYoungPeople() {
		this.repository.submit(TestData.somchai("U-somchai"), DURING);
		SubmitResult city = this.repository.submit(TestData.city("U-officer", "เทศบาลนครขอนแก่น"), DURING);
		assertThat(city).isInstanceOfSatisfying(SubmitResult.Created.class,
				(created) -> assertThat(created.application().number()).hasToString("SCA2-C-000001"));
	}

	@Test
	void shouldKeepTheAnswersAndEverythingElse() {
		Submission submission = TestData.somchai("U-somchai");
		ApplicationNumber number = created(this.repository.submit(submission, DURING));

		Application found = this.repository.find(number).orElseThrow();
		assertThat(found.number()).isEqualTo(number);
		assertThat(found.roundId()).isEqualTo("round-2");
		assertThat(found.type()).isEqualTo(ApplicantType.YOUTH);
		assertThat(found.status()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(found.lineUserId()).isEqualTo("U-somchai");
		assertThat(found.province()).isEqualTo("เชียงใหม่");
		assertThat(found.answers()).isEqualTo(submission.answers());
		assertThat(found.consent()).isEqualTo(TestData.CONSENT);
		assertThat(found.submittedAt()).isEqualTo(DURING);
		assertThat(found.updatedAt()).isEqualTo(DURING);
	}

	@Test
	void shouldFindNothingForAnUnknownNumber() {
		assertThat(this.repository.find(new ApplicationNumber(2, ApplicantType.YOUTH, 42))).isEmpty();
	}

	@Test
	void shouldAnswerTheSameUserWithTheirOwnNumber() {
		ApplicationNumber number = created(this.repository.submit(TestData.somchai("U-somchai"), DURING));
		Submission again = TestData.youth("U-somchai", TestData.OTHER_NATIONAL_ID, "สมชาย", "ใจดี", "0812345678",
				"other@example.com");

		assertThat(this.repository.submit(TestData.somchai("U-somchai"), DURING.plusSeconds(1)))
			.isEqualTo(new SubmitResult.AlreadySubmitted(number));
		assertThat(this.repository.submit(again, DURING.plusSeconds(2)))
			.isEqualTo(new SubmitResult.AlreadySubmitted(number));
		assertThat(this.repository.findByUser("U-somchai")).hasSize(1);
	}

	@Test
	void shouldRefuseTheSameNationalIdFromAnotherUserAndTellNothingAboutIt() {
		this.repository.submit(TestData.somchai("U-somchai"), DURING);
		SubmitResult result = this.repository.submit(TestData.youth("U-someone-else", TestData.NATIONAL_ID, "สมศักดิ์",
				"ใจร้าย", "0861112222", "x@example.com"), DURING.plusSeconds(1));

		assertThat(result).isEqualTo(new SubmitResult.Duplicate());
		assertThat(SubmitResult.Duplicate.class.getRecordComponents()).isEmpty();
		assertThat(this.repository.findByUser("U-someone-else")).isEmpty();
	}

	@Test
	void shouldRefuseTheSameNationalIdWrittenWithSurroundingSpace() {
		this.repository.submit(TestData.somchai("U-somchai"), DURING);
		SubmitResult result = this.repository.submit(TestData.youth("U-other", " " + TestData.NATIONAL_ID + " ",
				"สมชาย", "ใจดี", "0812345678", "x@example.com"), DURING);
		assertThat(result).isEqualTo(new SubmitResult.Duplicate());
	}

	@Test
	void shouldRefuseACityThatAlreadyApplied() {
		created(this.repository.submit(TestData.city("U-officer-1", "เทศบาลนครขอนแก่น"), DURING));
		assertThat(this.repository.submit(TestData.city("U-officer-2", "เทศบาลนครขอนแก่น"), DURING))
			.isEqualTo(new SubmitResult.Duplicate());
		assertThat(this.repository.submit(TestData.city("U-officer-2", "เทศบาลนครเชียงใหม่"), DURING))
			.isInstanceOf(SubmitResult.Created.class);
	}

	@Test
	void shouldRefuseAtTheInstantTheRoundCloses() {
		assertThat(this.repository.submit(TestData.somchai("U-somchai"), ROUND_2.closes()))
			.isEqualTo(new SubmitResult.RoundClosed());
		assertThat(this.repository.findByUser("U-somchai")).isEmpty();
	}

	@Test
	void shouldAnswerTheSameSubmissionHandledAgainAfterTheCloseWithTheUsersOwnNumber() {
		ApplicationNumber number = created(
				this.repository.submit(TestData.somchai("U-somchai"), ROUND_2.closes().minusSeconds(1)));

		assertThat(this.repository.submit(TestData.somchai("U-somchai"), ROUND_2.closes().plusSeconds(5)))
			.isEqualTo(new SubmitResult.AlreadySubmitted(number));
	}

	@Test
	void shouldNeverOverwriteAnotherRoundsApplicationWhenTwoRoundsShareANumber() {
		ApplicationNumber number = created(this.repository.submit(TestData.somchai("U-somchai"), DURING));
		th.or.depa.sca.domain.round.Round copy = new th.or.depa.sca.domain.round.Round("round-2-copy", 2,
				ROUND_2.opens(), ROUND_2.closes(), ROUND_2.quotas(), false);
		th.or.depa.sca.domain.application.Submission other = TestData.somchai("U-other");
		th.or.depa.sca.domain.application.Submission inCopy = new th.or.depa.sca.domain.application.Submission(copy,
				other.type(), other.lineUserId(), other.answers(), other.province(), "9999999999994", other.consent());

		assertThatThrownBy(() -> this.repository.submit(inCopy, DURING)).rootCause()
			.hasMessageContaining("application SCA2-Y-000001 exists already");
		assertThat(this.repository.find(number).orElseThrow().lineUserId()).isEqualTo("U-somchai");
	}

	@Test
	void shouldEraseARoundsPersonalDataKeepingAnonymousRecordsAndBeSafeToRepeat() {
		ApplicationNumber first = created(this.repository.submit(TestData.somchai("U-somchai"), DURING));

		assertThat(this.repository.eraseRound(ROUND_2, DURING.plusSeconds(60))).isEqualTo(1);
		assertThat(this.repository.eraseRound(ROUND_2, DURING.plusSeconds(120))).isZero();

		Application erased = this.repository.find(first).orElseThrow();
		assertThat(erased.answers()).isEmpty();
		assertThat(erased.lineUserId()).isEmpty();
		assertThat(erased.status()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(this.repository.findByUser("U-somchai")).isEmpty();
	}

	@Test
	void shouldAcceptOneSecondBeforeTheRoundCloses() {
		// 2022-07-21T23:59:59+07:00
		assertThat(this.repository.submit(TestData.somchai("U-somchai"), ROUND_2.closes().minusSeconds(1)))
			.isInstanceOf(SubmitResult.Created.class);
	}

	@Test
	void shouldRefuseBeforeTheRoundOpensAndAcceptWhenItOpens() {
		assertThat(this.repository.submit(TestData.somchai("U-somchai"), ROUND_2.opens().minusMillis(1)))
			.isEqualTo(new SubmitResult.RoundClosed());
		assertThat(this.repository.submit(TestData.somchai("U-somchai"), ROUND_2.opens()))
			.isInstanceOf(SubmitResult.Created.class);
	}

	@Test
	void shouldCreateExactlyOneApplicationWhenOneSubmissionArrivesFiftyTimesFromEightThreads() throws Exception {
		Submission submission = TestData.somchai("U-somchai");
		// Two clients with their own connections, as two bot instances would have.
		List<RedisApplicationRepository> instances = List.of(this.repository, repository(redis.newClient()));
		List<SubmitResult> results = Concurrently.run(8, 50,
				(i) -> instances.get(i % 2).submit(submission, DURING.plusMillis(i)));

		List<SubmitResult> created = results.stream().filter(SubmitResult.Created.class::isInstance).toList();
		assertThat(created).hasSize(1);
		ApplicationNumber number = ((SubmitResult.Created) created.get(0)).application().number();
		assertThat(number).isEqualTo(new ApplicationNumber(2, ApplicantType.YOUTH, 1));
		assertThat(results).filteredOn((result) -> !(result instanceof SubmitResult.Created))
			.hasSize(49)
			.allMatch(new SubmitResult.AlreadySubmitted(number)::equals);
		assertThat(redis.template().opsForValue().get(RedisKeys.sequence("round-2", ApplicantType.YOUTH)))
			.isEqualTo("1");
		assertThat(this.repository.findByUser("U-somchai")).extracting(Application::number).containsExactly(number);
	}

	@Test
	void shouldLetOnlyOneOfManyUsersWithTheSameNationalIdIn() throws Exception {
		List<SubmitResult> results = Concurrently.run(8, 40,
				(i) -> this.repository.submit(
						TestData.youth("U-" + i, TestData.NATIONAL_ID, "สมชาย", "ใจดี", "0812345678", TestData.EMAIL),
						DURING));
		assertThat(results).filteredOn(SubmitResult.Created.class::isInstance).hasSize(1);
		assertThat(results).filteredOn(new SubmitResult.Duplicate()::equals).hasSize(39);
	}

	@Test
	void shouldKeepNoPersonalDataInClearAnywhereInRedis() {
		this.repository.submit(TestData.somchai("U-somchai"), DURING);
		this.repository.submit(TestData.youth("U-malee", TestData.OTHER_NATIONAL_ID, "มาลี", "สุขใจ", "0898765432",
				"malee.s@example.com"), DURING);
		this.repository.submit(TestData.city("U-officer", "เทศบาลนครขอนแก่น"), DURING);
		this.repository.submit(TestData.somchai("U-somchai"), DURING);
		this.repository.submit(TestData.somchai("U-thief"), DURING);
		ApplicationNumber withdrawn = created(this.repository.submit(TestData.youth("U-withdrawn", "1234567890121",
				"ประเสริฐ", "ทองคำ", "0955554444", "prasert.t@example.com"), DURING));
		this.repository.withdraw(withdrawn, DURING.plusSeconds(60));
		this.repository.setStatus(new ApplicationNumber(2, ApplicantType.YOUTH, 1), ApplicationStatus.UNDER_REVIEW,
				DURING.plusSeconds(90));

		List<String> everything = everythingInRedis(redis.template());
		assertThat(everything).hasSizeGreaterThan(20);
		assertThat(TestData.validNationalId(TestData.NATIONAL_ID)).isTrue();
		assertThat(TestData.validNationalId(TestData.OTHER_NATIONAL_ID)).isTrue();
		for (String secret : List.of(TestData.NATIONAL_ID, TestData.OTHER_NATIONAL_ID, "1234567890121", TestData.PHONE,
				"812345678", "0898765432", "0955554444", TestData.EMAIL, "malee.s@example.com", "prasert.t@example.com",
				"somying.r@nakornkhonkaen.go.th", TestData.FIRST_NAME, TestData.LAST_NAME, "มาลี", "สุขใจ", "ประเสริฐ",
				"ทองคำ", "สมหญิง", "รักเมือง", "เทศบาลนครขอนแก่น", "มหาวิทยาลัยเชียงใหม่")) {
			assertThat(everything).as("keys and values holding a secret").noneMatch((text) -> text.contains(secret));
		}
		// What is meant to be in clear is there, so the scan did read the values.
		assertThat(everything).anyMatch((text) -> text.contains("U-somchai"))
			.anyMatch((text) -> text.contains("เชียงใหม่"))
			.anyMatch((text) -> text.equals("SCA2-Y-000001"));
	}

	@Test
	void shouldEraseTheAnswersAndUserWhenWithdrawnAndKeepAnAnonymousTombstone() {
		ApplicationNumber number = created(this.repository.submit(TestData.somchai("U-somchai"), DURING));
		Instant later = DURING.plus(Duration.ofDays(2));

		Application tombstone = this.repository.withdraw(number, later).orElseThrow();

		assertThat(tombstone.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
		assertThat(tombstone.withdrawn()).isTrue();
		assertThat(tombstone.answers()).isEmpty();
		assertThat(tombstone.lineUserId()).isEmpty();
		assertThat(tombstone.number()).isEqualTo(number);
		assertThat(tombstone.roundId()).isEqualTo("round-2");
		assertThat(tombstone.type()).isEqualTo(ApplicantType.YOUTH);
		assertThat(tombstone.province()).isEqualTo("เชียงใหม่");
		assertThat(tombstone.submittedAt()).isEqualTo(DURING);
		assertThat(tombstone.updatedAt()).isEqualTo(later);
		assertThat(this.repository.find(number)).contains(tombstone);
		assertThat(redis.template().<String, String>opsForHash().keys(RedisKeys.record(number)))
			.doesNotContain("answers", "user", "uniq");
	}

	@Test
	void shouldLetTheUserApplyAgainAfterWithdrawingAndGiveANewNumber() {
		ApplicationNumber first = created(this.repository.submit(TestData.somchai("U-somchai"), DURING));
		this.repository.withdraw(first, DURING.plusSeconds(60));

		ApplicationNumber second = created(
				this.repository.submit(TestData.somchai("U-somchai"), DURING.plusSeconds(120)));

		assertThat(second).hasToString("SCA2-Y-000002");
		assertThat(this.repository.find(second).orElseThrow().answers()).containsEntry("nationalId",
				TestData.NATIONAL_ID);
		// The withdrawn one is anonymous: no longer linked to the user.
		assertThat(this.repository.findByUser("U-somchai")).extracting(Application::number, Application::status)
			.containsExactly(tuple(second, ApplicationStatus.SUBMITTED));
		assertThat(this.repository.find(first).orElseThrow().status()).isEqualTo(ApplicationStatus.WITHDRAWN);
	}

	@Test
	void shouldFreeTheNationalIdForAnotherUserAfterWithdrawal() {
		ApplicationNumber first = created(this.repository.submit(TestData.somchai("U-old-phone"), DURING));
		this.repository.withdraw(first, DURING.plusSeconds(60));
		assertThat(this.repository.submit(TestData.somchai("U-new-phone"), DURING.plusSeconds(120)))
			.isInstanceOf(SubmitResult.Created.class);
	}

	@Test
	void shouldWithdrawOnceAndAnswerTheSameTombstoneAfterwards() {
		ApplicationNumber number = created(this.repository.submit(TestData.somchai("U-somchai"), DURING));
		Application tombstone = this.repository.withdraw(number, DURING.plusSeconds(60)).orElseThrow();
		assertThat(this.repository.withdraw(number, DURING.plusSeconds(120))).contains(tombstone);
		assertThat(this.repository.withdraw(new ApplicationNumber(2, ApplicantType.YOUTH, 99), DURING)).isEmpty();
	}

	@Test
	void shouldListTheUsersApplicationsNewestFirst() {
		ApplicationNumber youth = created(this.repository.submit(TestData.somchai("U-somchai"), DURING));
		ApplicationNumber city = created(
				this.repository.submit(TestData.city("U-somchai", "เทศบาลนครขอนแก่น"), DURING.plusSeconds(30)));
		this.repository.submit(TestData.city("U-other", "เทศบาลเมืองลำปาง"), DURING.plusSeconds(40));

		assertThat(this.repository.findByUser("U-somchai")).extracting(Application::number)
			.containsExactly(city, youth);
		assertThat(this.repository.findByUser("U-nobody")).isEmpty();
	}

	@Test
	void shouldSetTheStatusStaffChoose() {
		ApplicationNumber number = created(this.repository.submit(TestData.somchai("U-somchai"), DURING));
		Instant later = DURING.plus(Duration.ofDays(10));

		Application shortlisted = this.repository.setStatus(number, ApplicationStatus.SHORTLISTED, later).orElseThrow();

		assertThat(shortlisted.status()).isEqualTo(ApplicationStatus.SHORTLISTED);
		assertThat(shortlisted.updatedAt()).isEqualTo(later);
		assertThat(shortlisted.submittedAt()).isEqualTo(DURING);
		assertThat(shortlisted.answers()).containsEntry("firstName", TestData.FIRST_NAME);
		assertThat(this.repository.setStatus(new ApplicationNumber(2, ApplicantType.YOUTH, 7),
				ApplicationStatus.ACCEPTED, later))
			.isEmpty();
	}

	@Test
	void shouldKeepAWithdrawnApplicationWithdrawnWhateverStatusIsSet() {
		ApplicationNumber number = created(this.repository.submit(TestData.somchai("U-somchai"), DURING));
		this.repository.withdraw(number, DURING.plusSeconds(1));
		assertThat(this.repository.setStatus(number, ApplicationStatus.ACCEPTED, DURING.plusSeconds(2))
			.orElseThrow()
			.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
	}

	@Test
	void shouldEraseThePersonalDataWhenStaffSetWithdrawn() {
		ApplicationNumber number = created(this.repository.submit(TestData.somchai("U-somchai"), DURING));
		Application withdrawn = this.repository.setStatus(number, ApplicationStatus.WITHDRAWN, DURING.plusSeconds(1))
			.orElseThrow();
		assertThat(withdrawn.answers()).isEmpty();
		assertThat(withdrawn.lineUserId()).isEmpty();
	}

	@Test
	void shouldWithdrawEveryApplicationOfAnErasedUserAndForgetTheLink() {
		ApplicationNumber youth = created(this.repository.submit(TestData.somchai("U-somchai"), DURING));
		ApplicationNumber city = created(
				this.repository.submit(TestData.city("U-somchai", "เทศบาลนครขอนแก่น"), DURING.plusSeconds(30)));
		ApplicationNumber other = created(this.repository.submit(TestData.city("U-other", "เทศบาลเมืองลำปาง"), DURING));

		assertThat(this.repository.eraseUser("U-somchai", DURING.plusSeconds(60))).containsExactly(city, youth);

		assertThat(this.repository.findByUser("U-somchai")).isEmpty();
		assertThat(this.repository.find(youth).orElseThrow().withdrawn()).isTrue();
		assertThat(this.repository.find(city).orElseThrow().answers()).isEmpty();
		assertThat(this.repository.find(other).orElseThrow().withdrawn()).isFalse();
		assertThat(everythingInRedis(redis.template())).noneMatch((text) -> text.contains("U-somchai"));
		assertThat(this.repository.eraseUser("U-somchai", DURING.plusSeconds(90))).isEmpty();
	}

	@Test
	void shouldNotOpenAnswersMovedToAnotherApplication() {
		ApplicationNumber somchai = created(this.repository.submit(TestData.somchai("U-somchai"), DURING));
		ApplicationNumber malee = created(this.repository.submit(TestData.youth("U-malee", TestData.OTHER_NATIONAL_ID,
				"มาลี", "สุขใจ", "0898765432", "malee.s@example.com"), DURING));
		String sealed = redis.template().<String, String>opsForHash().get(RedisKeys.record(somchai), "answers");
		redis.template().opsForHash().put(RedisKeys.record(malee), "answers", sealed);

		assertThatIllegalStateException().isThrownBy(() -> this.repository.find(malee))
			.withMessageNotContaining(TestData.NATIONAL_ID)
			.withMessageNotContaining(TestData.FIRST_NAME);
	}

	@Test
	void shouldNotOpenAnswersWithAnotherDataKey() {
		ApplicationNumber number = created(this.repository.submit(TestData.somchai("U-somchai"), DURING));
		RedisApplicationRepository otherKey = new RedisApplicationRepository(redis.template(),
				new PersonalDataSealer(PersonalDataSealer.generateKeyset()), new KeyedHash(INDEX_KEY));
		assertThatIllegalStateException().isThrownBy(() -> otherKey.find(number));
	}

	private static ApplicationNumber created(SubmitResult result) {
		assertThat(result).isInstanceOf(SubmitResult.Created.class);
		return ((SubmitResult.Created) result).application().number();
	}

	/** Every key, and every value of every string, hash, set, list and sorted set. */
	static List<String> everythingInRedis(StringRedisTemplate template) {
		Set<String> keys = new TreeSet<>();
		try (Cursor<String> cursor = template.scan(ScanOptions.scanOptions().count(1000).build())) {
			cursor.forEachRemaining(keys::add);
		}
		List<String> everything = new ArrayList<>(keys);
		for (String key : keys) {
			DataType type = template.type(key);
			switch (type) {
				case STRING -> everything.add(template.opsForValue().get(key));
				case HASH -> {
					Map<String, String> hash = template.<String, String>opsForHash().entries(key);
					everything.addAll(hash.keySet());
					everything.addAll(hash.values());
				}
				case SET -> everything.addAll(template.opsForSet().members(key));
				case LIST -> everything.addAll(template.opsForList().range(key, 0, -1));
				case ZSET -> everything.addAll(template.opsForZSet().range(key, 0, -1));
				default -> throw new IllegalStateException("Unexpected type " + type + " of key " + key);
			}
		}
		return everything;
	}

}
