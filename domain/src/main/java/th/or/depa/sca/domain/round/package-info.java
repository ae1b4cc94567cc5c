/**
 * Recruitment rounds: when each accepts applications, and what the clock says about them.
 */
package th.or.depa.sca.domain.round;
