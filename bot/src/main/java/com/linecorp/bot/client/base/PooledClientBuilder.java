package com.linecorp.bot.client.base;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The SDK's client builder with a connection pool sized for the bot's concurrency.
 * <p>
 * The SDK (9.14) builds its OkHttp client with OkHttp's default pool, which keeps at most
 * five idle connections, and offers no setting for it; its only hook,
 * {@code createBuilder()}, is package-private, hence this class in the SDK's package (a
 * split package on the class path, where the bot runs). Against an HTTP/1.1 endpoint
 * under load the default made about a fifth of all calls open a new connection (see
 * BENCHMARKS.md). Over HTTP/2 one connection carries every call and the size does not
 * matter.
 *
 * @param <T> the API client interface
 */
public class PooledClientBuilder<T> extends ApiAuthenticatedClientBuilder<T> {

	private final ConnectionPool pool;

	public PooledClientBuilder(URI apiEndPoint, Class<T> clientClass, ExceptionBuilder exceptionBuilder,
			String channelToken, int maxIdleConnections, Duration keepAlive) {
		super(apiEndPoint, clientClass, exceptionBuilder, channelToken);
		this.pool = new ConnectionPool(maxIdleConnections, keepAlive.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	OkHttpClient.Builder createBuilder() {
		return super.createBuilder().connectionPool(this.pool);
	}

	/** The pool the built client uses. */
	public ConnectionPool connectionPool() {
		return this.pool;
	}

}
