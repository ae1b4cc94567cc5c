/**
 * Next-round opt-ins on Redis, each with the consent it was given under.
 */
package th.or.depa.sca.store.redis.privacy;
