/**
 * Commands (register, help, talk to staff ...) recognised in typed Thai or English and in
 * postback data.
 */
package th.or.depa.sca.nlp.intent;
