package th.or.depa.sca.bot.conversation;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import th.or.depa.sca.nlp.intent.Intent;
import th.or.depa.sca.nlp.intent.IntentMatch;

/**
 * The one codec of the postback data on the bot's buttons: every button is made with
 * {@link #encode} and read with {@link #decode}. Data is a URL query string, at most 300
 * characters (LINE's limit), such as {@code intent=talk_to_staff}, {@code faq=deadline}
 * or {@code flow=registration&do=edit&arg=phone}.
 */
public final class Postbacks {

	/** LINE's limit for postback data. */
	public static final int MAX_LENGTH = 300;

	private Postbacks() {
	}

	/** What a button does. */
	public sealed interface Action {

	}

	/**
	 * A command, as if typed.
	 *
	 * @param match the command and its argument
	 */
	public record Command(IntentMatch match) implements Action {
	}

	/**
	 * Answer one FAQ entry.
	 *
	 * @param id the entry's id
	 */
	public record Faq(String id) implements Action {
	}

	/** Tell what the program is. */
	public record About() implements Action {
	}

	/** Show the help menu. */
	public record Help() implements Action {
	}

	/**
	 * A step of one flow: submit, edit a field, choose an option.
	 *
	 * @param flow the flow's id
	 * @param step what to do
	 * @param arg its argument, empty if none
	 */
	public record Step(String flow, String step, String arg) implements Action {

		public Step {
			Objects.requireNonNull(flow, "flow");
			Objects.requireNonNull(step, "step");
			arg = (arg != null) ? arg : "";
		}

	}

	/** Data this bot never made (an old button, a tampered one). */
	public record Unknown() implements Action {
	}

	/** The data of a command button. */
	public static String command(Intent intent) {
		return encode(new Command(new IntentMatch(intent, "")));
	}

	/** The data of a flow's button. */
	public static String step(String flow, String step, String arg) {
		return encode(new Step(flow, step, arg));
	}

	/** The data of a button that answers a FAQ entry. */
	public static String faq(String id) {
		return encode(new Faq(id));
	}

	/** The data of the "about the program" buttons. */
	public static String about() {
		return encode(new About());
	}

	/** Writes an action as postback data. */
	public static String encode(Action action) {
		Map<String, String> fields = new LinkedHashMap<>();
		switch (action) {
			case Command command -> {
				fields.put("intent", command.match().intent().code());
				if (command.match().hasArgument()) {
					fields.put("arg", command.match().argument());
				}
			}
			case Faq faq -> fields.put("faq", faq.id());
			case About about -> fields.put("action", "about");
			case Help help -> fields.put("action", "help");
			case Step step -> {
				fields.put("flow", step.flow());
				fields.put("do", step.step());
				if (!step.arg().isEmpty()) {
					fields.put("arg", step.arg());
				}
			}
			case Unknown unknown -> throw new IllegalArgumentException("An unknown action has no data");
		}
		String data = fields.entrySet()
			.stream()
			.map((field) -> encodePart(field.getKey()) + "=" + encodePart(field.getValue()))
			.collect(Collectors.joining("&"));
		if (data.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("Postback data of " + data.length() + " characters; LINE takes "
					+ MAX_LENGTH + ": " + data.substring(0, 40) + "…");
		}
		return data;
	}

	/** Reads postback data; data this bot did not make is {@link Unknown}. */
	public static Action decode(String data) {
		if (data == null || data.isBlank() || data.length() > MAX_LENGTH) {
			return new Unknown();
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : data.split("&")) {
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				return new Unknown();
			}
			try {
				fields.put(decodePart(pair.substring(0, eq)), decodePart(pair.substring(eq + 1)));
			}
			catch (IllegalArgumentException ex) {
				return new Unknown();
			}
		}
		String arg = fields.getOrDefault("arg", "");
		if (fields.containsKey("intent")) {
			return Intent.fromCode(fields.get("intent"))
				.<Action>map((intent) -> new Command(new IntentMatch(intent, arg)))
				.orElseGet(Unknown::new);
		}
		if (fields.containsKey("faq")) {
			return fields.get("faq").isBlank() ? new Unknown() : new Faq(fields.get("faq"));
		}
		if (fields.containsKey("flow") && fields.containsKey("do")) {
			return new Step(fields.get("flow"), fields.get("do"), arg);
		}
		return switch (fields.getOrDefault("action", "")) {
			case "about" -> new About();
			case "help" -> new Help();
			default -> new Unknown();
		};
	}

	private static String encodePart(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String decodePart(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
