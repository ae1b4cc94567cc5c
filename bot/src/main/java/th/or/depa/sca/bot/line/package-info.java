/**
 * The one LINE Messaging API client everything sends through: retries, retry keys,
 * reply-to-push fallback.
 */
package th.or.depa.sca.bot.line;
