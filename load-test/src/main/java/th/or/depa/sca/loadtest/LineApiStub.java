package th.or.depa.sca.loadtest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Stands in for the LINE Messaging API on 127.0.0.1 and records every {@code lg-<seq>}
 * marker the bot sends back.
 *
 * <p>
 * One thread serves every connection from a selector and answers from a queue of due
 * responses: a thread per connection or per request would cost a context switch per
 * wake-up, and on a small machine those switches are most of what a stub costs.
 */
final class LineApiStub implements AutoCloseable {

	private static final byte[] REPLY_PATH = HttpReader.ascii("/v2/bot/message/reply");

	private static final byte[] PUSH_PATH = HttpReader.ascii("/v2/bot/message/push");

	private static final byte[] LOADING_PATH = HttpReader.ascii("/v2/bot/chat/loading/start");

	// Whole responses, built once: every answer of a kind is the same bytes.
	private static final byte[] SENT_MESSAGES = response("200 OK",
			"{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}");

	private static final byte[] ACCEPTED = response("202 Accepted", "{}");

	private static final byte[] EMPTY_OBJECT = response("200 OK", "{}");

	private static final byte[] BAD_REQUEST = HttpReader
		.ascii("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

	private static final byte[] CONTINUE = HttpReader.ascii("HTTP/1.1 100 Continue\r\n\r\n");

	private static final byte[] MARKER = HttpReader.ascii("lg-");

	// Deep enough for the bot's connection bursts: it keeps few idle connections, so
	// under load it opens new ones all the time.
	private static final int BACKLOG = 4096;

	private final AnswerLedger ledger;

	private final long delayNanos;

	private final ServerSocketChannel server;

	private final Selector selector;

	private final Thread thread;

	// Every request waits the same delay, so answers fall due in arrival order and a
	// FIFO is already sorted.
	private final ArrayDeque<Due> due = new ArrayDeque<>();

	// Markers seen in the current request, for counting each once.
	private long[] seen = new long[8];

	private final ByteBuffer out = ByteBuffer.allocateDirect(4096);

	private final LongAdder replies = new LongAdder();

	private final LongAdder pushes = new LongAdder();

	private final LongAdder loadingStarts = new LongAdder();

	private final LongAdder others = new LongAdder();

	private volatile boolean closed;

	private LineApiStub(AnswerLedger ledger, Duration delay, ServerSocketChannel server, Selector selector) {
		this.ledger = ledger;
		this.delayNanos = delay.toNanos();
		this.server = server;
		this.selector = selector;
		this.thread = Thread.ofPlatform().daemon().name("line-api-stub").unstarted(this::loop);
	}

	/** Starts the stub; {@code port} 0 picks a free one. */
	static LineApiStub start(int port, Duration delay, AnswerLedger ledger) throws IOException {
		ServerSocketChannel server = ServerSocketChannel.open();
		Selector selector = null;
		try {
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
			server.configureBlocking(false);
			selector = Selector.open();
			server.register(selector, SelectionKey.OP_ACCEPT);
		}
		catch (IOException | RuntimeException ex) {
			server.close();
			if (selector != null) {
				selector.close();
			}
			throw ex;
		}
		LineApiStub stub = new LineApiStub(ledger, delay, server, selector);
		stub.thread.start();
		return stub;
	}

	URI baseUri() {
		InetSocketAddress address = (InetSocketAddress) this.server.socket().getLocalSocketAddress();
		return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
	}

	private void loop() {
		try {
			while (!this.closed) {
				select();
				Iterator<SelectionKey> keys = this.selector.selectedKeys().iterator();
				while (keys.hasNext()) {
					SelectionKey key = keys.next();
					keys.remove();
					if (!key.isValid()) {
						continue;
					}
					if (key.isAcceptable()) {
						acceptAll();
					}
					else {
						serve((Connection) key.attachment(), key);
					}
				}
				answerDue();
			}
		}
		catch (IOException ex) {
			// Only the selector itself fails here, which means the stub is closing.
		}
		finally {
			for (SelectionKey key : this.selector.keys()) {
				closeQuietly(key);
			}
			try {
				this.selector.close();
			}
			catch (IOException ex) {
				// Nothing more to release.
			}
		}
	}

	/** Waits for I/O, but no longer than until the next answer is due. */
	private void select() throws IOException {
		Due next = this.due.peekFirst();
		if (next == null) {
			this.selector.select();
			return;
		}
		long waitNanos = next.atNanos() - System.nanoTime();
		if (waitNanos <= 0) {
			this.selector.selectNow();
		}
		else {
			// Rounded up: the selector counts whole milliseconds, and waking early would
			// only mean a second wake-up.
			this.selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999)));
		}
	}

	private void serve(Connection connection, SelectionKey key) {
		try {
			connection.ready(key);
		}
		catch (RuntimeException ex) {
			// A surprise on one connection must not take the stub down with it; the bot
			// sees a closed connection, which its own client reports.
			connection.close();
		}
	}

	private void acceptAll() {
		while (true) {
			SocketChannel channel;
			try {
				channel = this.server.accept();
				if (channel == null) {
					return;
				}
			}
			catch (IOException ex) {
				// A connection that failed during accept concerns only that connection.
				return;
			}
			try {
				channel.configureBlocking(false);
				channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
				channel.register(this.selector, SelectionKey.OP_READ, new Connection(channel));
			}
			catch (IOException ex) {
				closeQuietly(channel);
			}
		}
	}

	private void answerDue() {
		long now = System.nanoTime();
		Due next;
		while ((next = this.due.peekFirst()) != null && next.atNanos() - now <= 0) {
			this.due.pollFirst();
			try {
				next.connection().answer(next.response(), next.last());
			}
			catch (RuntimeException ex) {
				next.connection().close();
			}
		}
	}

	private byte[] route(HttpReader request, long arrivalNanos) {
		if (request.pathEquals(REPLY_PATH)) {
			this.replies.increment();
			recordMarkers(request.body(), request.bodyLength(), arrivalNanos);
			return SENT_MESSAGES;
		}
		if (request.pathEquals(PUSH_PATH)) {
			this.pushes.increment();
			recordMarkers(request.body(), request.bodyLength(), arrivalNanos);
			return SENT_MESSAGES;
		}
		if (request.pathEquals(LOADING_PATH)) {
			this.loadingStarts.increment();
			return ACCEPTED;
		}
		this.others.increment();
		return EMPTY_OBJECT;
	}

	/**
	 * Records each distinct {@code lg-<digits>} in the body: what the pattern
	 * {@code lg-(\d+)} finds in the decoded text, since UTF-8 encodes no other character
	 * with ASCII bytes.
	 */
	private void recordMarkers(byte[] body, int length, long arrivalNanos) {
		// One message may quote the marker twice (e.g. text and altText); that is still
		// one answer.
		int count = 0;
		int i = 0;
		while (i + MARKER.length < length) {
			if (body[i] != 'l' || !Arrays.equals(body, i, i + MARKER.length, MARKER, 0, MARKER.length)
					|| !isDigit(body[i + MARKER.length])) {
				i++;
				continue;
			}
			int end = i + MARKER.length;
			long seq = 0;
			while (end < length && isDigit(body[end])) {
				int digit = body[end] - '0';
				// Too many digits for a long: not one of ours.
				seq = (seq < 0 || seq > (Long.MAX_VALUE - digit) / 10) ? -1 : seq * 10 + digit;
				end++;
			}
			i = end;
			if (contains(this.seen, count, seq)) {
				continue;
			}
			if (count == this.seen.length) {
				this.seen = Arrays.copyOf(this.seen, count * 2);
			}
			this.seen[count++] = seq;
			this.ledger.record(seq, arrivalNanos);
		}
	}

	private static boolean contains(long[] values, int count, long value) {
		for (int i = 0; i < count; i++) {
			if (values[i] == value) {
				return true;
			}
		}
		return false;
	}

	private static boolean isDigit(byte c) {
		return c >= '0' && c <= '9';
	}

	/** Request counts by kind, for the report. */
	StubCounts counts() {
		return new StubCounts(this.replies.sum(), this.pushes.sum(), this.loadingStarts.sum(), this.others.sum());
	}

	private static byte[] response(String status, String json) {
		byte[] body = HttpReader.ascii(json);
		return HttpReader.ascii("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
				+ body.length + "\r\n\r\n" + json);
	}

	private static void closeQuietly(SelectionKey key) {
		key.cancel();
		closeQuietly(key.channel());
	}

	private static void closeQuietly(Channel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// Nothing more to release.
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.selector.wakeup();
		try {
			this.thread.join(Duration.ofSeconds(2));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// Nothing more to release.
		}
	}

	/**
	 * How many requests of each kind the stub received.
	 *
	 * @param replies reply API calls
	 * @param pushes push API calls
	 * @param loadingStarts loading-animation calls
	 * @param others any other path
	 */
	record StubCounts(long replies, long pushes, long loadingStarts, long others) {
	}

	/**
	 * An answer waiting for the simulated latency to pass.
	 *
	 * @param atNanos when to send it
	 * @param connection where
	 * @param response the bytes
	 * @param last whether the connection closes after it
	 */
	private record Due(long atNanos, Connection connection, byte[] response, boolean last) {
	}

	/** One connection from the bot; touched by the stub's thread only. */
	private final class Connection {

		private final SocketChannel channel;

		private final HttpReader in = new HttpReader(4096);

		// Bytes the socket did not take yet, in order; only a slow reader leaves any.
		private final ArrayDeque<ByteBuffer> unsent = new ArrayDeque<>();

		private int unanswered;

		private boolean continueSent;

		// No more requests will be read: the bot closed its side or asked to close.
		private boolean draining;

		private boolean closeAfterLast;

		Connection(SocketChannel channel) {
			this.channel = channel;
		}

		void ready(SelectionKey key) {
			try {
				if (key.isWritable()) {
					flush();
				}
				if (key.isValid() && key.isReadable()) {
					read();
				}
			}
			catch (ProtocolException ex) {
				// Not HTTP as the stub knows it: say so (unless that would overtake
				// earlier answers), then drop the connection.
				stopReading();
				if (this.unanswered == 0) {
					this.unanswered++;
					answer(BAD_REQUEST, true);
				}
			}
			catch (IOException ex) {
				// The bot dropped the connection (or the stub is closing): nothing to
				// answer.
				close();
			}
		}

		private void read() throws IOException {
			int read = this.in.readFrom(this.channel);
			if (read == 0) {
				return;
			}
			// Taken when the bytes are read, before the simulated delay: the bot's answer
			// exists from here on.
			long arrivalNanos = System.nanoTime();
			while (!this.draining && this.in.nextRequest()) {
				this.continueSent = false;
				boolean last = this.in.closesConnection();
				byte[] response = route(this.in, arrivalNanos);
				this.unanswered++;
				if (last) {
					stopReading();
				}
				if (LineApiStub.this.delayNanos == 0) {
					answer(response, last);
				}
				else {
					LineApiStub.this.due
						.addLast(new Due(arrivalNanos + LineApiStub.this.delayNanos, this, response, last));
				}
			}
			if (!this.draining && this.in.awaitsContinue() && !this.continueSent) {
				this.continueSent = true;
				send(CONTINUE);
			}
			if (!this.draining && this.in.finished()) {
				// The bot closed its side; answer what it asked, then close.
				stopReading();
				if (this.unanswered == 0) {
					close();
				}
			}
		}

		private void stopReading() {
			this.draining = true;
			this.closeAfterLast = true;
			SelectionKey key = this.channel.keyFor(LineApiStub.this.selector);
			if (key != null && key.isValid()) {
				key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
			}
		}

		void answer(byte[] response, boolean last) {
			if (!this.channel.isOpen()) {
				return;
			}
			this.unanswered--;
			try {
				send(response);
				if ((last || (this.closeAfterLast && this.unanswered == 0)) && this.unsent.isEmpty()) {
					close();
				}
			}
			catch (IOException ex) {
				close();
			}
		}

		private void send(byte[] bytes) throws IOException {
			if (!this.unsent.isEmpty()) {
				this.unsent.addLast(ByteBuffer.wrap(bytes));
				return;
			}
			ByteBuffer buffer = LineApiStub.this.out;
			int offset = 0;
			while (offset < bytes.length) {
				int chunk = Math.min(bytes.length - offset, buffer.capacity());
				buffer.clear();
				buffer.put(bytes, offset, chunk).flip();
				int written = this.channel.write(buffer);
				offset += written;
				if (written < chunk) {
					this.unsent.addLast(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
					this.channel.keyFor(LineApiStub.this.selector).interestOpsOr(SelectionKey.OP_WRITE);
					return;
				}
			}
		}

		private void flush() throws IOException {
			ByteBuffer head;
			while ((head = this.unsent.peekFirst()) != null) {
				this.channel.write(head);
				if (head.hasRemaining()) {
					return;
				}
				this.unsent.pollFirst();
			}
			this.channel.keyFor(LineApiStub.this.selector).interestOpsAnd(~SelectionKey.OP_WRITE);
			if (this.closeAfterLast && this.unanswered == 0) {
				close();
			}
		}

		void close() {
			SelectionKey key = this.channel.keyFor(LineApiStub.this.selector);
			if (key != null) {
				key.cancel();
			}
			closeQuietly(this.channel);
		}

	}

}
