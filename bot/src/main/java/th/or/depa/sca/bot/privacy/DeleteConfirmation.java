package th.or.depa.sca.bot.privacy;

import th.or.depa.sca.bot.session.FlowState;

/**
 * The user asked to delete their data and is asked to confirm.
 *
 * @param previous the flow that was active before, restored if they decline
 */
record DeleteConfirmation(FlowState previous) implements FlowState {

}
