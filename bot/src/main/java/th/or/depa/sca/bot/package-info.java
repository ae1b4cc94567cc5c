/**
 * The LINE webhook application: one package per feature.
 */
package th.or.depa.sca.bot;
