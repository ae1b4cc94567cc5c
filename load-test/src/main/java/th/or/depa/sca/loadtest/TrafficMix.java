package th.or.depa.sca.loadtest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Relative weights of the kinds of events users send.
 *
 * @param questions FAQ questions
 * @param greetings greetings ("สวัสดีครับ", "hello")
 * @param thanks thanks ("ขอบคุณครับ", "thx")
 * @param stickers sticker messages
 * @param photos photo messages (a screenshot of a form, a certificate)
 * @param follows follow events (a user adds the bot)
 * @param forms registration by chat: a registrant's next step (start, taps, answers,
 * submit), see {@link RegistrationScript}
 */
record TrafficMix(double questions, double greetings, double thanks, double stickers, double photos, double follows,
		double forms) {

	static final TrafficMix DEFAULT = new TrafficMix(72, 8, 6, 5, 2, 1, 6);

	TrafficMix {
		for (double weight : new double[] { questions, greetings, thanks, stickers, photos, follows, forms }) {
			if (!(weight >= 0) || Double.isInfinite(weight)) {
				throw new IllegalArgumentException("mix weights must be numbers >= 0");
			}
		}
		if (questions + greetings + thanks + stickers + photos + follows + forms <= 0) {
			throw new IllegalArgumentException("the mix needs at least one weight above 0");
		}
	}

	/** The kinds of events. */
	enum Kind {

		QUESTION, GREETING, THANKS, STICKER, PHOTO, FOLLOW, FORM;

		boolean isText() {
			return this == QUESTION || this == GREETING || this == THANKS;
		}

	}

	/**
	 * Parses {@code questions=80,greetings=8,thanks=7,stickers=5}; kinds not named get
	 * weight 0.
	 */
	static TrafficMix parse(String spec) {
		Map<String, Double> weights = new LinkedHashMap<>();
		for (String part : spec.split(",")) {
			String item = part.strip();
			if (item.isEmpty()) {
				continue;
			}
			int equals = item.indexOf('=');
			if (equals <= 0) {
				throw new IllegalArgumentException(
						"--mix needs kind=weight pairs, e.g. questions=80,stickers=5: " + spec);
			}
			String name = item.substring(0, equals).strip().toLowerCase(Locale.ROOT);
			if (!names().containsKey(name)) {
				throw new IllegalArgumentException(
						"unknown kind in --mix: " + name + " (use " + String.join(", ", names().keySet()) + ")");
			}
			try {
				weights.put(name, Double.parseDouble(item.substring(equals + 1).strip()));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--mix weight is not a number: " + item, ex);
			}
		}
		return new TrafficMix(weights.getOrDefault("questions", 0.0), weights.getOrDefault("greetings", 0.0),
				weights.getOrDefault("thanks", 0.0), weights.getOrDefault("stickers", 0.0),
				weights.getOrDefault("photos", 0.0), weights.getOrDefault("follows", 0.0),
				weights.getOrDefault("forms", 0.0));
	}

	private static Map<String, Kind> names() {
		Map<String, Kind> names = new LinkedHashMap<>();
		names.put("questions", Kind.QUESTION);
		names.put("greetings", Kind.GREETING);
		names.put("thanks", Kind.THANKS);
		names.put("stickers", Kind.STICKER);
		names.put("photos", Kind.PHOTO);
		names.put("follows", Kind.FOLLOW);
		names.put("forms", Kind.FORM);
		return names;
	}

	Kind pick(SplittableRandom random) {
		double[] weights = weights();
		double x = random.nextDouble() * (this.questions + this.greetings + this.thanks + this.stickers + this.photos
				+ this.follows + this.forms);
		Kind last = Kind.QUESTION;
		for (Kind kind : Kind.values()) {
			double weight = weights[kind.ordinal()];
			if (weight > 0) {
				last = kind;
				x -= weight;
				if (x < 0) {
					return kind;
				}
			}
		}
		// Only rounding gets here.
		return last;
	}

	private double[] weights() {
		return new double[] { this.questions, this.greetings, this.thanks, this.stickers, this.photos, this.follows,
				this.forms };
	}

	@Override
	public String toString() {
		double[] weights = weights();
		String[] labels = names().keySet().toArray(new String[0]);
		return IntStream.range(0, labels.length)
			.filter((i) -> weights[i] > 0)
			.mapToObj((i) -> labels[i] + "=" + Report.number(weights[i]))
			.collect(Collectors.joining(","));
	}

}
