package th.or.depa.sca.nlp.parse;

/**
 * A province of Thailand (Bangkok included).
 *
 * @param code the ISO 3166-2:TH code, e.g. {@code TH-50}
 * @param thaiName the official Thai name, e.g. เชียงใหม่
 * @param englishName the usual English name, e.g. Chiang Mai
 */
public record Province(String code, String thaiName, String englishName) {

}
