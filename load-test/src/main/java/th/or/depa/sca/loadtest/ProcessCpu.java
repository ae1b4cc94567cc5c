package th.or.depa.sca.loadtest;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU time of this process, the generator and the LINE API stub together, so the report
 * can say what producing the load cost.
 */
final class ProcessCpu {

	private ProcessCpu() {
	}

	/**
	 * CPU time used by this JVM so far, in nanoseconds, all threads (including JIT and
	 * GC); -1 where the platform cannot tell.
	 */
	static long nanos() {
		OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
		if (bean instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

	/**
	 * Time the JIT compilers spent so far, in nanoseconds (millisecond resolution); -1
	 * where the JVM cannot tell. Part of {@link #nanos()}: the compiler threads are busy
	 * early in a run, and it shows how much of the cost is that.
	 */
	static long compileNanos() {
		CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
		if (bean == null || !bean.isCompilationTimeMonitoringSupported()) {
			return -1;
		}
		return bean.getTotalCompilationTime() * 1_000_000;
	}

	/**
	 * CPU spent between two points of a run.
	 *
	 * @param cpuNanos process CPU time in between
	 * @param wallNanos wall-clock time in between
	 * @param events events sent in between
	 * @param compileNanos of the CPU time, what the JIT compilers spent; -1 if unknown
	 */
	record Usage(long cpuNanos, long wallNanos, long events, long compileNanos) {

		static final Usage UNKNOWN = new Usage(-1, 0, 0, -1);

		/** JIT compilation milliseconds per event sent; NaN if unknown. */
		double compileMillisPerEvent() {
			return (this.compileNanos < 0 || this.events <= 0) ? Double.NaN : this.compileNanos / 1e6 / this.events;
		}

		/** CPU milliseconds per event sent; NaN if unknown. */
		double millisPerEvent() {
			return (this.cpuNanos < 0 || this.events <= 0) ? Double.NaN : this.cpuNanos / 1e6 / this.events;
		}

		/** Share of one core, in percent; NaN if unknown. */
		double percentOfOneCore() {
			return (this.cpuNanos < 0 || this.wallNanos <= 0) ? Double.NaN : 100.0 * this.cpuNanos / this.wallNanos;
		}

	}

}
