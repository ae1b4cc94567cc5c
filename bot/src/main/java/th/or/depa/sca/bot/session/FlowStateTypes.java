package th.or.depa.sca.bot.session;

import java.util.Map;

/**
 * The flow states a stored session may hold, by the name they are stored under.
 *
 * @param byName each state type by its flow's id
 */
public record FlowStateTypes(Map<String, Class<? extends FlowState>> byName) {

	public FlowStateTypes {
		byName = Map.copyOf(byName);
	}

}
