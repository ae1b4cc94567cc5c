package th.or.depa.sca.bot.rounds;

import th.or.depa.sca.bot.session.FlowState;

/**
 * The user asked to be told when the next round opens and is shown the notice for it.
 */
record NotifyConsentAsked() implements FlowState {

}
