/** Spring wiring of the FAQ knowledge base and the Thai language core. */
package th.or.depa.sca.bot.faq;
