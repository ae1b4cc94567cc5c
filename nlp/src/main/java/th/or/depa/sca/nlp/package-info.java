/**
 * Thai text handling for the bot: normalization now; segmentation, matching and parsing
 * later.
 */
package th.or.depa.sca.nlp;
