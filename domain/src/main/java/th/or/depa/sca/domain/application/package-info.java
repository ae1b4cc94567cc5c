/**
 * Applications to a round: numbers, states, submission and the repository that keeps
 * them.
 */
package th.or.depa.sca.domain.application;
