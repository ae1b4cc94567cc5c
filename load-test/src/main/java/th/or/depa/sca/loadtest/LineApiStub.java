package th.or.depa.sca.loadtest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Stands in for the LINE Messaging API on 127.0.0.1 where it matters to the bot: a reply
 * token works once and for 30 s, pushes deduplicate by retry key, calls above a rate get
 * 429, and 5xx answers and timeouts can be injected. Every delivery goes to the
 * {@link AnswerLedger}.
 *
 * <p>
 * One Netty event-loop thread serves every connection and writes every answer; the
 * answers wait out the simulated latency in a {@link DelayLine}, so the loop never blocks
 * (nor spins on a timer).
 */
final class LineApiStub implements AutoCloseable {

	// Deep enough for the bot's connection bursts: it keeps few idle connections, so
	// under load it opens new ones all the time.
	private static final int BACKLOG = 4096;

	private static final int MAX_BODY = 1024 * 1024;

	private static final AsciiString RETRY_KEY = AsciiString.cached("X-Line-Retry-Key");

	private static final AsciiString REQUEST_ID = AsciiString.cached("X-Line-Request-Id");

	private static final AsciiString JSON = AsciiString.cached("application/json");

	// Whole bodies, built once: every answer of a kind is the same bytes.
	private static final Answer SENT_MESSAGES = new Answer(HttpResponseStatus.OK,
			"{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}");

	private static final Answer ACCEPTED = new Answer(HttpResponseStatus.ACCEPTED, "{}");

	private static final Answer EMPTY_OBJECT = new Answer(HttpResponseStatus.OK, "{}");

	private static final Answer INVALID_REPLY_TOKEN = new Answer(HttpResponseStatus.BAD_REQUEST,
			"{\"message\":\"Invalid reply token\"}");

	private static final Answer RETRY_KEY_ACCEPTED = new Answer(HttpResponseStatus.CONFLICT,
			"{\"message\":\"The retry key is already accepted\"}");

	private static final Answer RATE_LIMITED = new Answer(HttpResponseStatus.TOO_MANY_REQUESTS,
			"{\"message\":\"The API rate limit has been exceeded. Try again later.\"}");

	private static final Answer SERVER_ERROR = new Answer(HttpResponseStatus.INTERNAL_SERVER_ERROR,
			"{\"message\":\"An error occurred in the API server\"}");

	private static final Answer BAD_REQUEST = new Answer(HttpResponseStatus.BAD_REQUEST,
			"{\"message\":\"The request body has 1 error(s)\"}");

	private final Settings settings;

	private final AnswerLedger ledger;

	private final EventLoopGroup group;

	private final Channel server;

	private final Counts counts;

	private final DelayLine delayLine;

	private LineApiStub(Settings settings, AnswerLedger ledger, EventLoopGroup group, Channel server, Counts counts,
			DelayLine delayLine) {
		this.settings = settings;
		this.ledger = ledger;
		this.group = group;
		this.server = server;
		this.counts = counts;
		this.delayLine = delayLine;
	}

	/** Starts the stub on 127.0.0.1; {@code settings.port()} 0 picks a free one. */
	static LineApiStub start(Settings settings, AnswerLedger ledger) throws InterruptedException {
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("line-api-stub", true),
				NioIoHandler.newFactory());
		Counts counts = new Counts();
		DelayLine delayLine = new DelayLine(settings.delay(), group.next(), "line-api-stub-delay");
		Router router = new Router(settings, ledger, counts, delayLine);
		try {
			Channel server = new ServerBootstrap().group(group)
				.channel(NioServerSocketChannel.class)
				.option(ChannelOption.SO_BACKLOG, BACKLOG)
				.childOption(ChannelOption.TCP_NODELAY, true)
				.childHandler(new ChannelInitializer<SocketChannel>() {
					@Override
					protected void initChannel(SocketChannel channel) {
						channel.pipeline()
							.addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY), new Handler(router));
					}
				})
				.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()))
				.sync()
				.channel();
			return new LineApiStub(settings, ledger, group, server, counts, delayLine);
		}
		catch (RuntimeException | InterruptedException ex) {
			delayLine.close();
			group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
			throw ex;
		}
	}

	URI baseUri() {
		InetSocketAddress address = (InetSocketAddress) this.server.localAddress();
		return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
	}

	Settings settings() {
		return this.settings;
	}

	AnswerLedger ledger() {
		return this.ledger;
	}

	/** Requests by kind and what the stub did to them, for the report. */
	StubCounts counts() {
		Counts c = this.counts;
		return new StubCounts(c.replies.sum(), c.pushes.sum(), c.loadingStarts.sum(), c.others.sum(),
				c.rateLimited.sum(), c.serverErrors.sum(), c.timeouts.sum(), c.invalidReplyTokens.sum(),
				c.retryKeyConflicts.sum(), c.connections.sum());
	}

	@Override
	public void close() {
		this.server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
		this.delayLine.close();
		this.group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
	}

	/**
	 * How the stub behaves.
	 *
	 * @param port port to listen on, 0 for a free one
	 * @param delay latency of every answer
	 * @param rateLimitPerSecond calls per second and endpoint above which LINE answers
	 * 429; 0 for no limit
	 * @param serverErrorRate share of calls answered 500 (nothing delivered)
	 * @param timeoutRate share of calls that are delivered but never answered
	 * @param seed seeds the choice of the calls that fail
	 * @param clock time for the reply-token lifetime and the rate limit
	 */
	record Settings(int port, Duration delay, double rateLimitPerSecond, double serverErrorRate, double timeoutRate,
			long seed, Clock clock) {

		Settings {
			if (!(serverErrorRate >= 0 && serverErrorRate <= 1) || !(timeoutRate >= 0 && timeoutRate <= 1)) {
				throw new IllegalArgumentException("rates must be between 0 and 1");
			}
		}

		/** Every call answered after {@code delay}, no limits, no failures. */
		static Settings plain(Duration delay, Clock clock) {
			return new Settings(0, delay, 0, 0, 0, 1, clock);
		}

	}

	/**
	 * How many requests of each kind the stub received, and how it answered the failed
	 * ones.
	 *
	 * @param replies reply API calls
	 * @param pushes push API calls
	 * @param loadingStarts loading-animation calls
	 * @param others any other path
	 * @param rateLimited calls answered 429
	 * @param serverErrors calls answered 500 by injection
	 * @param timeouts calls delivered but left unanswered by injection
	 * @param invalidReplyTokens replies answered 400 for a used, expired or unknown token
	 * @param retryKeyConflicts pushes answered 409 for a retry key already accepted
	 * @param connections connections the bot opened to the stub
	 */
	record StubCounts(long replies, long pushes, long loadingStarts, long others, long rateLimited, long serverErrors,
			long timeouts, long invalidReplyTokens, long retryKeyConflicts, long connections) {

		/** Counts of a run without failures, connections left out. */
		StubCounts(long replies, long pushes, long loadingStarts, long others) {
			this(replies, pushes, loadingStarts, others, 0, 0, 0, 0, 0, 0);
		}

		/** The same counts without the connections, for comparing the requests alone. */
		StubCounts requests() {
			return new StubCounts(this.replies, this.pushes, this.loadingStarts, this.others, this.rateLimited,
					this.serverErrors, this.timeouts, this.invalidReplyTokens, this.retryKeyConflicts, 0);
		}

	}

	private static final class Counts {

		final LongAdder replies = new LongAdder();

		final LongAdder pushes = new LongAdder();

		final LongAdder loadingStarts = new LongAdder();

		final LongAdder others = new LongAdder();

		final LongAdder rateLimited = new LongAdder();

		final LongAdder serverErrors = new LongAdder();

		final LongAdder timeouts = new LongAdder();

		final LongAdder invalidReplyTokens = new LongAdder();

		final LongAdder retryKeyConflicts = new LongAdder();

		final LongAdder connections = new LongAdder();

	}

	/**
	 * A response of a kind: status and JSON body.
	 *
	 * @param status HTTP status
	 * @param body JSON bytes, shared by every response of the kind
	 */
	private record Answer(HttpResponseStatus status, byte[] body) {

		Answer(HttpResponseStatus status, String json) {
			this(status, json.getBytes(StandardCharsets.UTF_8));
		}

	}

	private enum Endpoint {

		REPLY, PUSH, LOADING, OTHER;

		static Endpoint of(String uri) {
			int query = uri.indexOf('?');
			String path = (query < 0) ? uri : uri.substring(0, query);
			return switch (path) {
				case "/v2/bot/message/reply" -> REPLY;
				case "/v2/bot/message/push" -> PUSH;
				case "/v2/bot/chat/loading/start" -> LOADING;
				default -> OTHER;
			};
		}

	}

	/**
	 * Decides each answer; runs on the stub's single event-loop thread only, so it needs
	 * no locks.
	 */
	private static final class Router {

		private final Settings settings;

		private final AnswerLedger ledger;

		private final SplittableRandom random;

		// One-second windows per endpoint, as LINE limits each endpoint on its own.
		private final long[] windowSecond = new long[Endpoint.values().length];

		private final long[] windowCalls = new long[Endpoint.values().length];

		private final Counts counts;

		private final DelayLine delayLine;

		Router(Settings settings, AnswerLedger ledger, Counts counts, DelayLine delayLine) {
			this.settings = settings;
			this.ledger = ledger;
			this.counts = counts;
			this.delayLine = delayLine;
			this.random = new SplittableRandom(settings.seed());
		}

		/** The answer to a request, or null to leave it unanswered (a timeout). */
		Answer route(FullHttpRequest request, long arrivalNanos) {
			Endpoint endpoint = Endpoint.of(request.uri());
			switch (endpoint) {
				case REPLY -> this.counts.replies.increment();
				case PUSH -> this.counts.pushes.increment();
				case LOADING -> this.counts.loadingStarts.increment();
				default -> this.counts.others.increment();
			}
			// Both drawn for every call, so that which calls fail depends only on the
			// seed and the order of calls.
			double errorDraw = this.random.nextDouble();
			double timeoutDraw = this.random.nextDouble();
			if (overLimit(endpoint)) {
				this.counts.rateLimited.increment();
				return RATE_LIMITED;
			}
			if (errorDraw < this.settings.serverErrorRate()) {
				this.counts.serverErrors.increment();
				return SERVER_ERROR;
			}
			Answer answer = switch (endpoint) {
				case REPLY -> reply(request.content(), arrivalNanos);
				case PUSH -> push(request, arrivalNanos);
				case LOADING -> ACCEPTED;
				default -> EMPTY_OBJECT;
			};
			if (answer.status().codeClass() == HttpStatusClass.SUCCESS && timeoutDraw < this.settings.timeoutRate()) {
				// Delivered, but the answer is lost: the bot cannot know its message went
				// out, as when LINE is slow.
				this.counts.timeouts.increment();
				return null;
			}
			return answer;
		}

		private Answer reply(ByteBuf body, long arrivalNanos) {
			if (this.ledger.reply(JsonField.string(body, "replyToken"), arrivalNanos)) {
				return SENT_MESSAGES;
			}
			this.counts.invalidReplyTokens.increment();
			return INVALID_REPLY_TOKEN;
		}

		private Answer push(FullHttpRequest request, long arrivalNanos) {
			String retryKey = request.headers().get(RETRY_KEY);
			if (this.ledger.push(JsonField.string(request.content(), "to"), retryKey, arrivalNanos)) {
				return SENT_MESSAGES;
			}
			this.counts.retryKeyConflicts.increment();
			return RETRY_KEY_ACCEPTED;
		}

		private boolean overLimit(Endpoint endpoint) {
			double limit = this.settings.rateLimitPerSecond();
			if (limit <= 0) {
				return false;
			}
			int index = endpoint.ordinal();
			long second = Math.floorDiv(this.settings.clock().millis(), 1000);
			if (second != this.windowSecond[index]) {
				this.windowSecond[index] = second;
				this.windowCalls[index] = 0;
			}
			this.windowCalls[index]++;
			return this.windowCalls[index] > limit;
		}

	}

	/** One connection from the bot; its answers go out in order, after the delay. */
	private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

		private final Router router;

		// A request left unanswered (an injected timeout) blocks the connection, as a
		// hung HTTP/1.1 exchange does: later requests on it are not answered either.
		private boolean hung;

		Handler(Router router) {
			this.router = router;
		}

		@Override
		public void channelActive(ChannelHandlerContext ctx) {
			this.router.counts.connections.increment();
			ctx.fireChannelActive();
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
			if (this.hung) {
				return;
			}
			long arrivalNanos = System.nanoTime();
			boolean keepAlive = HttpUtil.isKeepAlive(request);
			Answer answer;
			if (request.decoderResult().isFailure()) {
				answer = BAD_REQUEST;
				keepAlive = false;
			}
			else {
				answer = this.router.route(request, arrivalNanos);
			}
			if (answer == null) {
				this.hung = true;
				ctx.channel().config().setAutoRead(false);
				return;
			}
			FullHttpResponse response = response(answer, keepAlive);
			long delayNanos = this.router.settings.delay().toNanos();
			if (delayNanos <= 0) {
				write(ctx, response, keepAlive);
			}
			else {
				// Every answer waits the same delay, so they stay in arrival order.
				boolean keep = keepAlive;
				this.router.delayLine.add(arrivalNanos, () -> write(ctx, response, keep));
			}
		}

		private static FullHttpResponse response(Answer answer, boolean keepAlive) {
			FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, answer.status(),
					Unpooled.wrappedBuffer(answer.body()));
			response.headers()
				.set(HttpHeaderNames.CONTENT_TYPE, JSON)
				.setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length)
				.set(REQUEST_ID, "stub");
			if (!keepAlive) {
				response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
			}
			return response;
		}

		private static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
			if (!ctx.channel().isActive()) {
				response.release();
				return;
			}
			if (keepAlive) {
				ctx.writeAndFlush(response, ctx.voidPromise());
			}
			else {
				ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
			}
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			// A broken connection concerns only that connection; the bot's client sees it
			// closed and reports it.
			ctx.close();
		}

	}

	/**
	 * Reads a top-level string field of a JSON body without parsing the whole of it.
	 */
	static final class JsonField {

		private JsonField() {
		}

		/**
		 * The value of the first {@code "name": "value"} in {@code body}, or null. Inside
		 * a JSON string a quote is always escaped, so {@code "name"} followed by a colon
		 * is a key; values that matter here (tokens, user ids) have no escapes.
		 */
		static String string(ByteBuf body, String name) {
			byte[] key = ("\"" + name + "\"").getBytes(StandardCharsets.US_ASCII);
			int end = body.writerIndex();
			for (int i = body.readerIndex(); i + key.length <= end; i++) {
				if (!matches(body, i, key)) {
					continue;
				}
				int at = skipSpaces(body, i + key.length, end);
				if (at >= end || body.getByte(at) != ':') {
					continue;
				}
				at = skipSpaces(body, at + 1, end);
				if (at >= end || body.getByte(at) != '"') {
					return null;
				}
				int start = at + 1;
				for (int j = start; j < end; j++) {
					byte c = body.getByte(j);
					if (c == '"') {
						return body.toString(start, j - start, StandardCharsets.UTF_8);
					}
					if (c == '\\') {
						return null;
					}
				}
				return null;
			}
			return null;
		}

		private static boolean matches(ByteBuf body, int at, byte[] key) {
			for (int k = 0; k < key.length; k++) {
				if (body.getByte(at + k) != key[k]) {
					return false;
				}
			}
			return true;
		}

		private static int skipSpaces(ByteBuf body, int from, int end) {
			int at = from;
			while (at < end) {
				byte c = body.getByte(at);
				if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
					break;
				}
				at++;
			}
			return at;
		}

	}

}
