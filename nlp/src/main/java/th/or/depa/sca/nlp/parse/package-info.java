/**
 * Entity parsers for chat forms: what a user types becomes a typed value or a
 * machine-readable reason.
 */
package th.or.depa.sca.nlp.parse;
