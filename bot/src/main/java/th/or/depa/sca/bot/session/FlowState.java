package th.or.depa.sca.bot.session;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The state a flow keeps in the chat's session while it is active: a record of the flow's
 * own package, stored under the flow's id ({@link FlowStateTypes}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface FlowState {

}
