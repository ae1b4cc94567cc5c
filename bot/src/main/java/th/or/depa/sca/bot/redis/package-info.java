/**
 * Redis plumbing: an embedded server when no REDIS_URL is given, and the Lua scripts.
 */
package th.or.depa.sca.bot.redis;
