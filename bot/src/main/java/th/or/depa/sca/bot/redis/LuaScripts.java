package th.or.depa.sca.bot.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * Loads the Lua scripts under {@code redis/} once, as text. A script made from a
 * classpath resource re-reads the resource's modification time on every call (inside the
 * Boot jar, a jar URL connection under a lock), which was the largest cost of handling an
 * event.
 */
public final class LuaScripts {

	private LuaScripts() {
	}

	/** The script {@code redis/<name>.lua} returning the given type. */
	public static <T> RedisScript<T> load(String name, Class<T> resultType) {
		String resource = "redis/" + name + ".lua";
		try (InputStream in = LuaScripts.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No Lua script '" + resource + "'");
			}
			return RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), resultType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read Lua script '" + resource + "'", ex);
		}
	}

}
