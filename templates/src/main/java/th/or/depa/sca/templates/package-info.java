/**
 * Everything the bot says: the message catalog (Thai first, English second) and Flex JSON
 * templates.
 */
package th.or.depa.sca.templates;
