/**
 * Turns incoming LINE events into replies: the conversation flows.
 */
package th.or.depa.sca.bot.conversation;
