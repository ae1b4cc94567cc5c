package th.or.depa.sca.loadtest;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Posts signed webhooks to one server over a pool of keep-alive HTTP/1.1 connections
 * (Netty's codecs), opening connections on demand up to a cap, one request in flight on
 * each.
 *
 * <p>
 * The submitting thread builds and signs each request; one event-loop thread owns the
 * pool and every connection, so the pool needs no locks.
 */
final class WebhookClient implements AutoCloseable {

	// Servers close idle keep-alive connections on their own clock (Node after 5 s,
	// Tomcat after 60 s). A request written just as that happens fails although the bot
	// never saw it, so a connection idle for longer than this is replaced before use.
	private static final long MAX_IDLE_NANOS = Duration.ofSeconds(2).toNanos();

	private static final int MAX_RESPONSE = 1024 * 1024;

	// Spelled as LINE sends them; names are case-insensitive, but a reader of a capture
	// should see what LINE's requests look like.
	private static final AsciiString HOST = AsciiString.cached("Host");

	private static final AsciiString CONTENT_TYPE = AsciiString.cached("Content-Type");

	private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");

	private static final AsciiString SIGNATURE = AsciiString.cached("X-Line-Signature");

	private static final AsciiString JSON = AsciiString.cached("application/json; charset=UTF-8");

	private final InetSocketAddress address;

	private final String path;

	private final AsciiString host;

	private final WebhookSigner signer;

	private final int maxConnections;

	private final long timeoutNanos;

	private final Outcome outcome;

	private final EventLoopGroup group;

	private final EventLoop loop;

	private final Bootstrap bootstrap;

	// Owned by the loop thread: most recently used first, so that a small set of
	// connections stays busy and warm.
	private final ArrayDeque<Connection> idle = new ArrayDeque<>();

	// Owned by the loop thread: events that found every connection busy and the cap
	// reached.
	private final ArrayDeque<Request> waiting = new ArrayDeque<>();

	// Owned by the loop thread: every connection with a channel, for the timeout scan.
	private final Set<Connection> connected = new HashSet<>();

	// Connections open or being opened; written by the loop thread only.
	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger opened = new AtomicInteger();

	private volatile boolean closed;

	/**
	 * @param target where to post, e.g. {@code http://127.0.0.1:8080/callback}
	 * @param secret channel secret to sign with
	 * @param maxConnections cap on open connections; beyond it events wait for one
	 * @param timeout how long an event may wait for its response before it fails
	 * @param outcome told about every submitted event, on the loop thread
	 */
	WebhookClient(URI target, String secret, int maxConnections, Duration timeout, Outcome outcome) {
		int port = (target.getPort() >= 0) ? target.getPort() : 80;
		try {
			this.address = new InetSocketAddress(InetAddress.getByName(target.getHost()), port);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("unknown host in " + target, ex);
		}
		String rawPath = (target.getRawPath() == null || target.getRawPath().isEmpty()) ? "/" : target.getRawPath();
		this.path = (target.getRawQuery() != null) ? rawPath + "?" + target.getRawQuery() : rawPath;
		this.host = AsciiString.of(target.getRawAuthority());
		this.signer = new WebhookSigner(secret);
		this.maxConnections = maxConnections;
		this.timeoutNanos = timeout.toNanos();
		this.outcome = outcome;
		this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("webhook-client", true),
				NioIoHandler.newFactory());
		this.loop = this.group.next();
		this.bootstrap = new Bootstrap().group(this.loop)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_RESPONSE), new Connection());
				}
			});
		long scanNanos = Math.clamp(this.timeoutNanos / 4, Duration.ofMillis(10).toNanos(),
				Duration.ofSeconds(1).toNanos());
		this.loop.scheduleAtFixedRate(this::failTimedOut, scanNanos, scanNanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Signs {@code body} and posts it as event {@code seq} on an idle connection, or a
	 * new one while below the cap, or once a connection is free. Call from one thread
	 * only.
	 */
	void submit(long seq, byte[] body) {
		if (this.closed) {
			return;
		}
		FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, this.path,
				Unpooled.wrappedBuffer(body));
		HttpHeaders headers = http.headers();
		headers.set(HOST, this.host)
			.set(CONTENT_TYPE, JSON)
			.set(SIGNATURE, this.signer.sign(body))
			.setInt(CONTENT_LENGTH, body.length);
		Request request = new Request(seq, http);
		this.loop.execute(() -> dispatch(request));
	}

	/** Connections opened since the start, including replacements. */
	int connectionsOpened() {
		return this.opened.get();
	}

	/** Connections open now (or being opened). */
	int openConnections() {
		return this.open.get();
	}

	private void dispatch(Request request) {
		if (this.closed) {
			request.release();
			return;
		}
		Connection connection = takeIdle(System.nanoTime());
		if (connection != null) {
			connection.send(request);
		}
		else if (this.open.get() < this.maxConnections) {
			connect(request);
		}
		else {
			this.waiting.addLast(request);
		}
	}

	private Connection takeIdle(long now) {
		Connection connection;
		while ((connection = this.idle.pollFirst()) != null) {
			if (now - connection.idleSinceNanos <= MAX_IDLE_NANOS && connection.channel.isActive()) {
				return connection;
			}
			connection.retire();
		}
		return null;
	}

	private void connect(Request request) {
		this.open.incrementAndGet();
		this.opened.incrementAndGet();
		ChannelFuture future = this.bootstrap.connect(this.address);
		future.addListener((done) -> {
			if (done.isSuccess()) {
				Connection connection = future.channel().pipeline().get(Connection.class);
				this.connected.add(connection);
				connection.send(request);
			}
			else {
				// The channel never became active, so nothing else releases its slot.
				this.open.decrementAndGet();
				request.release();
				report(request.seq, -1, done.cause());
				openForWaiting();
			}
		});
	}

	/** A slot freed up: the next waiting event gets a new connection. */
	private void openForWaiting() {
		if (!this.closed && !this.waiting.isEmpty() && this.open.get() < this.maxConnections) {
			connect(this.waiting.pollFirst());
		}
	}

	private void failTimedOut() {
		long now = System.nanoTime();
		for (Connection connection : this.connected.toArray(new Connection[0])) {
			if (connection.current != null && now - connection.sentNanos > this.timeoutNanos) {
				connection.fail(new HttpTimeoutException(
						"no response within " + Duration.ofNanos(this.timeoutNanos).toMillis() + " ms"));
			}
		}
	}

	private void report(long seq, int status, Throwable error) {
		if (!this.closed) {
			this.outcome.completed(seq, System.nanoTime(), status, error);
		}
	}

	/**
	 * Drops every connection; events still waiting or in flight get no outcome.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
	}

	/**
	 * Receives the outcome of each submitted event.
	 */
	@FunctionalInterface
	interface Outcome {

		/**
		 * {@code status} is the final response status, or -1 with {@code error} set if
		 * the exchange failed.
		 */
		void completed(long seq, long nowNanos, int status, Throwable error);

	}

	/**
	 * One event's request.
	 *
	 * @param seq the event
	 * @param http the signed request, released once written
	 */
	private record Request(long seq, FullHttpRequest http) {

		void release() {
			ReferenceCountUtil.release(this.http);
		}

	}

	/** One keep-alive connection with at most one request in flight; loop thread only. */
	private final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {

		Channel channel;

		Request current;

		long sentNanos;

		long idleSinceNanos;

		// Its slot is given back: counted out of open, out of idle and out of the scan.
		boolean released;

		@Override
		public void handlerAdded(ChannelHandlerContext ctx) {
			this.channel = ctx.channel();
		}

		void send(Request request) {
			this.current = request;
			this.sentNanos = System.nanoTime();
			this.channel.writeAndFlush(request.http()).addListener((written) -> {
				if (!written.isSuccess()) {
					fail(written.cause());
				}
			});
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
			int status = response.status().code();
			if (status < 200) {
				// Interim 1xx responses precede the real one.
				return;
			}
			Request request = this.current;
			if (request == null) {
				// Nothing was asked on this connection: the server is confused.
				ctx.close();
				return;
			}
			this.current = null;
			if (HttpUtil.isKeepAlive(response) && !WebhookClient.this.closed) {
				Request next = WebhookClient.this.waiting.pollFirst();
				if (next != null) {
					send(next);
				}
				else {
					this.idleSinceNanos = System.nanoTime();
					WebhookClient.this.idle.addFirst(this);
				}
			}
			else {
				retire();
			}
			// Reported after the connection is free again, so that the event the pacer
			// sends next finds it.
			report(request.seq(), status, null);
		}

		/** Closes the connection and fails the event in flight, if any. */
		void fail(Throwable error) {
			Request request = this.current;
			this.current = null;
			retire();
			if (request != null) {
				report(request.seq(), -1, error);
			}
		}

		/**
		 * Closes the connection and gives its slot back at once, not when Netty reports
		 * it inactive, so a waiting event can open a replacement right away.
		 */
		void retire() {
			release();
			this.channel.close();
		}

		private void release() {
			if (this.released) {
				return;
			}
			this.released = true;
			WebhookClient.this.idle.remove(this);
			WebhookClient.this.connected.remove(this);
			WebhookClient.this.open.decrementAndGet();
			openForWaiting();
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			fail((cause instanceof IOException) ? cause
					: new IOException("unexpected failure on the connection", cause));
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			Request request = this.current;
			this.current = null;
			if (request != null) {
				report(request.seq(), -1, new EOFException("connection closed before the response"));
			}
			release();
		}

	}

}
