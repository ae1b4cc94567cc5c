package th.or.depa.sca.bot.conversation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up's judgement of whether the JIT compiler has caught up, on compilation times
 * given second by second.
 */
class JitWatchTests {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	@Test
	void shouldWaitAWholeWindowBeforeCallingTheCompilerSettled() {
		AtomicLong compiled = new AtomicLong();
		Warmup.JitWatch watch = new Warmup.JitWatch(compiled::get);

		assertThat(watch.settled(0)).isFalse();
		assertThat(watch.settled(SECOND)).isFalse();
		assertThat(watch.settled(2 * SECOND)).isTrue(); // idle for the whole window
	}

	@Test
	void shouldNotBeSettledWhileTheCompilerWorksAndBeSettledOnceItRests() {
		AtomicLong compiled = new AtomicLong();
		Warmup.JitWatch watch = new Warmup.JitWatch(compiled::get);
		long now = 0;
		// Busy: 600 ms of compiling per second, for 5 s.
		for (int i = 0; i < 20; i++) {
			compiled.addAndGet(150);
			now += SECOND / 4;
			assertThat(watch.settled(now)).as("busy at %d ms", now / 1_000_000).isFalse();
		}
		// Resting: 20 ms per second. Settled once little enough busy time is left in the
		// window: within a window and a second of the rest's start, and not at once.
		boolean settled = false;
		long settledAt = 0;
		for (int i = 0; i < 16 && !settled; i++) {
			compiled.addAndGet(5);
			now += SECOND / 4;
			settled = watch.settled(now);
			settledAt = now;
		}
		assertThat(settled).isTrue();
		assertThat(settledAt - 5 * SECOND).isBetween(SECOND, Warmup.JitWatch.WINDOW_NANOS + SECOND);
	}

	@Test
	void shouldCountAJvmThatReportsNoCompilationTimeAsSettled() {
		assertThat(new Warmup.JitWatch(null).settled(0)).isTrue();
	}

	@Test
	void shouldReadThisJvmsCompiler() {
		Warmup.JitWatch watch = Warmup.JitWatch.ofThisJvm();
		// HotSpot reports compilation time; a fresh watch has not watched a window yet.
		assertThat(watch.settled(System.nanoTime())).isFalse();
	}

}
