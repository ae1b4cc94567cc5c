/**
 * The rounds file ({@code rounds/rounds.yaml}): recruitment rounds as data.
 */
package th.or.depa.sca.templates.rounds;
