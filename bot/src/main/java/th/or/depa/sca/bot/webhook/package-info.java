/**
 * Receives LINE webhooks: signature check, size limit, hand-off to the inbox.
 */
package th.or.depa.sca.bot.webhook;
