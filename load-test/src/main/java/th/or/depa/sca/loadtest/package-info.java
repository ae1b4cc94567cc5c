/**
 * Open-loop load generator that drives the LINE webhook bot against a local LINE API
 * stub.
 */
package th.or.depa.sca.loadtest;
