/**
 * The declared forms ({@code forms/registration.yaml}): fields, parsers, conditions and
 * eligibility rules as configuration.
 */
package th.or.depa.sca.templates.forms;
