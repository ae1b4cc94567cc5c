package th.or.depa.sca.bot.registration;

import java.util.List;
import java.util.Locale;

import th.or.depa.sca.nlp.ThaiText;

/**
 * One spelling of a city's name for "one application per city per round":
 * "เทศบาลนครขอนแก่น", "ทน.ขอนแก่น", "นครขอนแก่น" and "Khon Kaen City Municipality" differ
 * only in how the municipality's kind is written, so the kind is dropped and spaces and
 * case are ignored. Only the keyed hash of this form is stored.
 */
final class CityNames {

	// Longest first, so that "เทศบาลนคร" goes before "เทศบาล".
	private static final List<String> KINDS = List.of("องค์การบริหารส่วนจังหวัด", "องค์การบริหารส่วนตำบล", "เทศบาลตำบล",
			"เทศบาลเมือง", "เทศบาลนคร", "เทศบาล", "municipality", "cityof", "city", "อบจ.", "อบต.", "ทน.", "ทม.", "ทต.",
			"อบจ", "อบต", "ทน", "ทม", "ทต", "นคร", "เมือง");

	private CityNames() {
	}

	static String canonical(String name) {
		String key = ThaiText.normalize(name).replace(" ", "").replace("-", "").toLowerCase(Locale.ROOT);
		boolean stripped = true;
		while (stripped && !key.isEmpty()) {
			stripped = false;
			for (String kind : KINDS) {
				if (key.startsWith(kind) && key.length() > kind.length()) {
					key = key.substring(kind.length());
					stripped = true;
				}
				else if (key.endsWith(kind) && key.length() > kind.length()) {
					key = key.substring(0, key.length() - kind.length());
					stripped = true;
				}
			}
		}
		return key;
	}

}
