package th.or.depa.sca.nlp.parse;

/**
 * An answer to a yes/no question.
 */
public enum YesNo {

	YES, NO

}
