/**
 * Spring wiring of the Redis store (store-redis): the applications, opt-ins and the keys
 * that seal personal data.
 */
package th.or.depa.sca.bot.store;
