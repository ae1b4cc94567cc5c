/**
 * Applications on Redis: atomic submission by Lua script, sealed answers, anonymous
 * tombstones.
 */
package th.or.depa.sca.store.redis.application;
