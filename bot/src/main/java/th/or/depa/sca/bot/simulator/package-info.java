/**
 * Local development without a LINE channel: an in-app LINE API stand-in and a chat
 * simulator page.
 */
package th.or.depa.sca.bot.simulator;
