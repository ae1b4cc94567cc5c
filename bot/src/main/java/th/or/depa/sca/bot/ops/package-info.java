/**
 * What operators use: the dead-letter endpoint, and erasing dead letters for "delete my
 * data".
 */
package th.or.depa.sca.bot.ops;
