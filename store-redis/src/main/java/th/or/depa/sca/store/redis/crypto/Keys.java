package th.or.depa.sca.store.redis.crypto;

import java.io.PrintStream;

/**
 * Generates and rotates the deployment's data keys from the command line:
 * {@code generate} prints a new {@code BOT_DATA_KEY} and {@code BOT_INDEX_KEY};
 * {@code rotate <keyset>} prints the data keyset with a new primary key added.
 */
public final class Keys {

	private Keys() {
	}

	public static void main(String[] args) {
		PrintStream out = System.out;
		if (args.length == 1 && args[0].equals("generate")) {
			out.println("BOT_DATA_KEY=" + base64(PersonalDataSealer.generateKeyset()));
			out.println("BOT_INDEX_KEY=" + base64(KeyedHash.generateKeyset()));
		}
		else if (args.length == 2 && args[0].equals("rotate")) {
			out.println("BOT_DATA_KEY=" + base64(PersonalDataSealer.rotate(args[1])));
		}
		else {
			System.err.println("usage: Keys generate | Keys rotate <BOT_DATA_KEY>");
			System.exit(2);
		}
	}

	private static String base64(String keyset) {
		return java.util.Base64.getEncoder().encodeToString(keyset.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
