package th.or.depa.sca.nlp.intent;

/**
 * A recognised command.
 *
 * @param intent the command
 * @param argument what it applies to ("youth"/"city" for registration, "th"/"en" for the
 * language), or {@code ""} when not given
 */
public record IntentMatch(Intent intent, String argument) {

	public IntentMatch {
		argument = (argument == null) ? "" : argument;
	}

	public boolean hasArgument() {
		return !this.argument.isEmpty();
	}

}
