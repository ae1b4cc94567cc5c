package th.or.depa.sca.nlp.parse;

/**
 * A province recognised in what a user typed, and whether the bot should confirm it
 * first.
 *
 * @param province the province
 * @param exact {@code true} if the user typed one of its names; {@code false} for a guess
 * from a typo or from a well-known district ("หาดใหญ่" gives สงขลา), which the bot should
 * confirm
 */
public record ProvinceMatch(Province province, boolean exact) {

}
