package th.or.depa.sca.benchmarks;

import java.util.Collection;
import java.util.Locale;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the JMH benchmarks (JMH options may be given, e.g. {@code -f 1 FaqBenchmark}) and
 * prints the figures the README reports: FAQ answer time percentiles, the cold path
 * (index build, first question, start-up), chars/s of our normalization and segmentation,
 * of ICU's BreakIterator, and their ratio.
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws RunnerException, CommandLineOptionException {
		Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
		int length = SegmentationBenchmark.length();
		double ours = 0;
		double icu = 0;
		System.out.println();
		System.out.println("== Figures for the README ==");
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark();
			Statistics stats = result.getPrimaryResult().getStatistics();
			if (name.endsWith("FaqBenchmark.answer")) {
				System.out.printf(Locale.ROOT,
						"FAQ answer, %s entries, %s texts: mean %.1f us, p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us (%d samples)%n",
						result.getParams().getParam("entries"), result.getParams().getParam("texts"), stats.getMean(),
						stats.getPercentile(50), stats.getPercentile(99), stats.getPercentile(99.9), stats.getMax(),
						stats.getN());
			}
			else if (name.contains("FaqColdStartBenchmark.")) {
				System.out.printf(Locale.ROOT, "cold %s: mean %.1f ms, min %.1f ms, max %.1f ms (%d fresh JVMs)%n",
						name.substring(name.lastIndexOf('.') + 1), stats.getMean(), stats.getMin(), stats.getMax(),
						stats.getN());
			}
			else if (name.endsWith("normalizeAndSegment")) {
				ours = stats.getMean() * length;
				System.out.printf(Locale.ROOT, "normalize + segment: %,.0f chars/s%n", ours);
			}
			else if (name.endsWith("normalizeOnly")) {
				System.out.printf(Locale.ROOT, "normalize only: %,.0f chars/s%n", stats.getMean() * length);
			}
			else if (name.endsWith("icuBreakIterator")) {
				icu = stats.getMean() * length;
				System.out.printf(Locale.ROOT, "ICU BreakIterator: %,.0f chars/s%n", icu);
			}
		}
		if (ours > 0 && icu > 0) {
			System.out.printf(Locale.ROOT, "ratio ours / ICU BreakIterator: %.2f (text of %,d chars)%n", ours / icu,
					length);
		}
	}

}
