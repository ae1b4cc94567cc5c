/**
 * The operational meters, registered at start-up so that dashboards and alerts see zeros
 * rather than missing series.
 */
package th.or.depa.sca.bot.metrics;
