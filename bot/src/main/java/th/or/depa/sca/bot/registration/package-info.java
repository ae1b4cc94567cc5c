/**
 * Registration by chat for young people and cities: a declared form on the conversation
 * engine, with consent first, one question at a time, a summary, and one application per
 * submission.
 */
package th.or.depa.sca.bot.registration;
