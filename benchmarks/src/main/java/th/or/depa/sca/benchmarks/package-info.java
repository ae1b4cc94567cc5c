/**
 * JMH benchmarks of the Thai language core; run with ./mvnw -q -pl benchmarks exec:exec.
 */
package th.or.depa.sca.benchmarks;
