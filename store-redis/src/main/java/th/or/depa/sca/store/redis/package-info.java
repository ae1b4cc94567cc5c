/**
 * The domain's repositories on Redis, with personal data sealed before it is written.
 */
package th.or.depa.sca.store.redis;
