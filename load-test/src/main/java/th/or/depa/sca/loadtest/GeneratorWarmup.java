package th.or.depa.sca.loadtest;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs the generator's own hot paths (bodies, signatures, the webhook client, the stub,
 * the ledger) against a throwaway stub before a run, while the bot starts: the JIT then
 * compiles them before the measured window, so the CPU the generator reports is its
 * steady-state cost and its compiler threads do not compete with the bot while it is
 * measured.
 */
final class GeneratorWarmup {

	private static final int IN_FLIGHT = 256;

	private GeneratorWarmup() {
	}

	/**
	 * Sends {@code requests} webhook bodies built like the run's (from another seed, so
	 * the run's counts stay its own) to a stub of their own.
	 * @return how long it took
	 */
	static Duration run(int requests, ChatTexts texts, TrafficMix mix, int users, long seed)
			throws InterruptedException {
		long start = System.nanoTime();
		Clock clock = Clock.systemUTC();
		AnswerLedger ledger = new AnswerLedger(clock);
		WebhookEvents events = new WebhookEvents(users, texts, mix, ~seed);
		Schedule schedule = new Schedule(start, 1000, Duration.ZERO, Duration.ofMillis(requests));
		ledger.begin(schedule, events.userIds());
		AckStats stats = new AckStats(schedule);
		Semaphore inFlight = new Semaphore(IN_FLIGHT);
		CountDownLatch done = new CountDownLatch(requests);
		LineApiStub.Settings settings = new LineApiStub.Settings(0, Duration.ofMillis(1), 0, 0, 0, seed, clock);
		try (LineApiStub stub = LineApiStub.start(settings, ledger);
				// A webhook body carries a replyToken, so the stub takes it as a reply.
				WebhookClient client = new WebhookClient(stub.baseUri().resolve("/v2/bot/message/reply"),
						"generator-warmup", IN_FLIGHT, Duration.ofSeconds(5), (seq, nowNanos, status, error) -> {
							try {
								stats.completed(seq, nowNanos, status, error);
							}
							finally {
								inFlight.release();
								done.countDown();
							}
						})) {
			for (int seq = 0; seq < requests; seq++) {
				inFlight.acquire();
				stats.sending(seq);
				int user = events.user(seq);
				client.submit(seq, events.body(seq, user, ledger.sent(seq, user), clock.millis()));
			}
			done.await(30, TimeUnit.SECONDS);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
