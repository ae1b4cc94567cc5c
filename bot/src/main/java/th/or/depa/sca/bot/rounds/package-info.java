/**
 * Recruitment rounds in the bot: the rounds file, its overrides, and what the clock says
 * about applying when a reply is made.
 */
package th.or.depa.sca.bot.rounds;
