/**
 * Keys from the environment: sealing personal data at rest, keyed hashes for uniqueness.
 */
package th.or.depa.sca.store.redis.crypto;
