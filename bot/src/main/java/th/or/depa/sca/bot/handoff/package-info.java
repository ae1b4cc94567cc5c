/** Hand-off to staff: requests, the paused chats, staff release, office hours. */
package th.or.depa.sca.bot.handoff;
