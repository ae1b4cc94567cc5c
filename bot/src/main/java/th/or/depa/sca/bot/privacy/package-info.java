/**
 * The user's rights over their data in the chat: "delete my data", and what each feature
 * erases for it.
 */
package th.or.depa.sca.bot.privacy;
