/**
 * Redis for local development and tests: an embedded server when no REDIS_URL is given.
 */
package th.or.depa.sca.bot.redis;
