/**
 * Conversation sessions in Redis, one per chat, versioned.
 */
package th.or.depa.sca.bot.session;
