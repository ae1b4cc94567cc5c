/**
 * Records and rules shared by the bot and the staff API, free of Spring and of chat.
 */
package th.or.depa.sca.domain;
