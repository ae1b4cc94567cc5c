/**
 * Durable per-chat event queues in Redis: de-duplication, ordering, and the workers that
 * drain them.
 */
package th.or.depa.sca.bot.inbox;
