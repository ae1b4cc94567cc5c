/**
 * Consent under Thailand's PDPA, and opt-ins that carry their own consent.
 */
package th.or.depa.sca.domain.privacy;
