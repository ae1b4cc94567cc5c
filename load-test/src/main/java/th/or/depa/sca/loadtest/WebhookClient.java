package th.or.depa.sca.loadtest;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts signed webhooks over persistent HTTP/1.1 connections to one server, opening
 * connections on demand up to a cap.
 *
 * <p>
 * The submitting thread writes each request itself on an idle connection, and a single
 * selector thread reads every response. Handing each request to a thread of its own would
 * add context switches per event, and on a small machine shared with the bot those
 * switches are most of what a client costs.
 */
final class WebhookClient implements AutoCloseable {

	// Servers close idle keep-alive connections on their own clock (Node after 5 s,
	// Tomcat after 60 s). A request written just as that happens fails although the bot
	// never saw it, so a connection idle for longer than this is replaced before use.
	private static final long MAX_IDLE_NANOS = Duration.ofSeconds(2).toNanos();

	// A request goes out on a connection with nothing else in flight, so its socket
	// buffer only stays full if the server stops reading; fail rather than stall the
	// pacer for long.
	private static final long MAX_WRITE_STALL_NANOS = Duration.ofSeconds(1).toNanos();

	private static final long TIMEOUT_SCAN_MILLIS = 1000;

	private static final byte[] CONTENT_LENGTH = HttpReader.ascii("\r\nContent-Length: ");

	private final InetSocketAddress address;

	// Request line and the fixed headers, up to the signature value.
	private final byte[] head;

	private final String secret;

	private final WebhookEvents events;

	private final int maxConnections;

	private final long timeoutNanos;

	private final Outcome outcome;

	private final Selector selector;

	private final Thread thread;

	// Guards idle, waiting and open, which the submitting and the selector thread share.
	private final Object lock = new Object();

	// Most recently used first, so that a small set of connections stays busy and warm.
	private final ArrayDeque<Connection> idle = new ArrayDeque<>();

	// Events that found every connection busy and the cap reached.
	private final ArrayDeque<Long> waiting = new ArrayDeque<>();

	// Connections open or being opened.
	private int open;

	private final AtomicInteger opened = new AtomicInteger();

	// Connections to be opened by the selector thread, which owns the selector.
	private final ConcurrentLinkedQueue<Connection> toOpen = new ConcurrentLinkedQueue<>();

	// One per thread that writes: the submitting thread and the selector thread.
	private final RequestWriter submitWriter;

	private final RequestWriter loopWriter;

	private volatile boolean closed;

	/**
	 * @param target where to post, e.g. {@code http://127.0.0.1:8080/callback}
	 * @param secret channel secret to sign with
	 * @param events builds the body of each event
	 * @param maxConnections cap on open connections; beyond it events wait for one
	 * @param timeout how long an event may wait for its response before it fails
	 * @param outcome told about every submitted event
	 */
	WebhookClient(URI target, String secret, WebhookEvents events, int maxConnections, Duration timeout,
			Outcome outcome) throws IOException {
		int port = (target.getPort() >= 0) ? target.getPort() : 80;
		try {
			this.address = new InetSocketAddress(InetAddress.getByName(target.getHost()), port);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("unknown host in " + target, ex);
		}
		String path = (target.getRawPath() == null || target.getRawPath().isEmpty()) ? "/" : target.getRawPath();
		if (target.getRawQuery() != null) {
			path += "?" + target.getRawQuery();
		}
		this.head = HttpReader.ascii("POST " + path + " HTTP/1.1\r\nHost: " + target.getRawAuthority()
				+ "\r\nContent-Type: application/json; charset=UTF-8\r\nX-Line-Signature: ");
		this.secret = secret;
		this.events = events;
		this.maxConnections = maxConnections;
		this.timeoutNanos = timeout.toNanos();
		this.outcome = outcome;
		this.submitWriter = new RequestWriter();
		this.loopWriter = new RequestWriter();
		this.selector = Selector.open();
		this.thread = Thread.ofPlatform().daemon().name("webhook-client").start(this::loop);
	}

	/**
	 * Sends event {@code seq} on an idle connection, or opens a new one while below the
	 * cap, or leaves the event waiting for the next connection to finish. Call from one
	 * thread only.
	 */
	void submit(long seq) {
		if (this.closed) {
			return;
		}
		long now = System.nanoTime();
		Connection connection;
		synchronized (this.lock) {
			connection = takeIdle(now);
			if (connection == null) {
				if (this.open >= this.maxConnections) {
					this.waiting.addLast(seq);
					return;
				}
				this.open++;
			}
		}
		if (connection == null) {
			openConnection(seq, now);
			return;
		}
		connection.start(seq, now);
		this.submitWriter.send(connection, seq);
	}

	/** Connections opened since the start, including replacements. */
	int connectionsOpened() {
		return this.opened.get();
	}

	/** Connections open now (or being opened). */
	int openConnections() {
		synchronized (this.lock) {
			return this.open;
		}
	}

	private Connection takeIdle(long now) {
		Connection connection;
		while ((connection = this.idle.pollFirst()) != null) {
			if (now - connection.idleSinceNanos <= MAX_IDLE_NANOS && connection.isOpen()) {
				return connection;
			}
			connection.closeChannel();
			connection.released = true;
			this.open--;
		}
		return null;
	}

	private void openConnection(long seq, long now) {
		this.opened.incrementAndGet();
		Connection connection = new Connection();
		connection.start(seq, now);
		this.toOpen.add(connection);
		if (Thread.currentThread() != this.thread) {
			this.selector.wakeup();
		}
	}

	private void loop() {
		long lastScan = System.nanoTime();
		try {
			while (!this.closed) {
				openPending();
				this.selector.select(TIMEOUT_SCAN_MILLIS);
				Iterator<SelectionKey> keys = this.selector.selectedKeys().iterator();
				while (keys.hasNext()) {
					SelectionKey key = keys.next();
					keys.remove();
					if (key.isValid()) {
						ready((Connection) key.attachment(), key);
					}
				}
				long now = System.nanoTime();
				if (now - lastScan >= TIMEOUT_SCAN_MILLIS * 1_000_000) {
					lastScan = now;
					failTimedOut(now);
				}
			}
		}
		catch (IOException ex) {
			// Only the selector itself fails here, which means the client is closing.
		}
		finally {
			for (SelectionKey key : this.selector.keys()) {
				((Connection) key.attachment()).closeChannel();
			}
			for (Connection connection : this.toOpen) {
				connection.closeChannel();
			}
			try {
				this.selector.close();
			}
			catch (IOException ex) {
				// Nothing more to release.
			}
		}
	}

	private void ready(Connection connection, SelectionKey key) {
		try {
			connection.ready(key);
		}
		catch (RuntimeException ex) {
			// A surprise on one connection must not stop the thread that reads all the
			// others; that event counts as a transport error.
			connection.fail(new IOException("unexpected failure reading the response", ex));
		}
	}

	private void openPending() {
		Connection connection;
		while ((connection = this.toOpen.poll()) != null) {
			connection.connect();
		}
	}

	private void failTimedOut(long now) {
		for (SelectionKey key : this.selector.keys()) {
			Connection connection = (Connection) key.attachment();
			if (connection.current.get() >= 0 && now - connection.sentNanos > this.timeoutNanos) {
				connection.fail(new HttpTimeoutException(
						"no response within " + Duration.ofNanos(this.timeoutNanos).toSeconds() + " s"));
			}
		}
	}

	/**
	 * Drops every connection; events still waiting or in flight get no outcome.
	 */
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
	}

	/**
	 * Receives the outcome of each submitted event, on whichever thread learns it.
	 */
	@FunctionalInterface
	interface Outcome {

		/**
		 * {@code status} is the final response status, or -1 with {@code error} set if
		 * the exchange failed.
		 */
		void completed(long seq, long nowNanos, int status, Throwable error);

	}

	/** One keep-alive connection with at most one request in flight. */
	private final class Connection {

		// The event in flight, -1 if none; whoever swaps it to -1 reports its outcome,
		// so a response racing a failure is counted once.
		final AtomicLong current = new AtomicLong(-1);

		volatile long sentNanos;

		// Set by the selector thread, read by the submitting one after the lock hands
		// the connection over.
		volatile SocketChannel channel;

		// Guarded by the client's lock.
		long idleSinceNanos;

		// Guarded by the client's lock: already subtracted from open.
		boolean released;

		private final HttpReader in = new HttpReader(1024);

		void start(long seq, long now) {
			this.sentNanos = now;
			this.current.set(seq);
		}

		boolean isOpen() {
			SocketChannel ch = this.channel;
			return ch != null && ch.isOpen();
		}

		/** Selector thread. */
		void connect() {
			try {
				SocketChannel ch = SocketChannel.open();
				this.channel = ch;
				ch.configureBlocking(false);
				ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
				if (ch.connect(WebhookClient.this.address)) {
					ch.register(WebhookClient.this.selector, SelectionKey.OP_READ, this);
					sendFirst();
				}
				else {
					ch.register(WebhookClient.this.selector, SelectionKey.OP_CONNECT, this);
				}
			}
			catch (IOException ex) {
				fail(ex);
			}
		}

		private void sendFirst() {
			long seq = this.current.get();
			if (seq >= 0) {
				WebhookClient.this.loopWriter.send(this, seq);
			}
		}

		/** Selector thread. */
		void ready(SelectionKey key) {
			try {
				if (key.isConnectable()) {
					if (this.channel.finishConnect()) {
						key.interestOps(SelectionKey.OP_READ);
						sendFirst();
					}
					return;
				}
				if (key.isReadable()) {
					read();
				}
			}
			catch (IOException ex) {
				fail(ex);
			}
			catch (CancelledKeyException ex) {
				// The submitting thread closed the connection meanwhile; it has dealt
				// with the event, and fail() does nothing twice.
				fail(new ClosedChannelException());
			}
		}

		private void read() throws IOException {
			this.in.readFrom(this.channel);
			while (this.in.nextResponse()) {
				// Interim 1xx responses precede the real one.
				if (this.in.status() >= 200) {
					complete(this.in.status(), this.in.closesConnection());
					if (!isOpen()) {
						return;
					}
				}
			}
			if (this.in.finished()) {
				fail(new EOFException("connection closed before the response"));
			}
		}

		private void complete(int status, boolean closeAfter) {
			long now = System.nanoTime();
			long seq = this.current.getAndSet(-1);
			if (seq < 0) {
				// Nothing was asked on this connection: the server is confused.
				fail(new IOException("response without a request"));
				return;
			}
			if (closeAfter) {
				closeAndRelease();
			}
			else {
				Long next;
				synchronized (WebhookClient.this.lock) {
					next = WebhookClient.this.waiting.pollFirst();
					if (next == null) {
						this.idleSinceNanos = now;
						WebhookClient.this.idle.addFirst(this);
					}
				}
				if (next != null) {
					start(next, now);
					WebhookClient.this.loopWriter.send(this, next);
				}
			}
			// Reported after the connection is free again, so that the event the pacer
			// sends next finds it.
			WebhookClient.this.outcome.completed(seq, now, status, null);
		}

		/** Any thread: closes the connection and fails the event in flight, if any. */
		void fail(IOException error) {
			closeAndRelease();
			long seq = this.current.getAndSet(-1);
			if (seq >= 0) {
				WebhookClient.this.outcome.completed(seq, System.nanoTime(), -1, error);
			}
		}

		/**
		 * Closes the connection and lets a waiting event, if any, open a replacement.
		 */
		private void closeAndRelease() {
			closeChannel();
			Long next = null;
			synchronized (WebhookClient.this.lock) {
				WebhookClient.this.idle.remove(this);
				if (!this.released) {
					this.released = true;
					WebhookClient.this.open--;
				}
				if (!WebhookClient.this.closed && WebhookClient.this.open < WebhookClient.this.maxConnections) {
					next = WebhookClient.this.waiting.pollFirst();
					if (next != null) {
						WebhookClient.this.open++;
					}
				}
			}
			if (next != null) {
				openConnection(next, System.nanoTime());
			}
		}

		void closeChannel() {
			SocketChannel ch = this.channel;
			if (ch != null) {
				try {
					ch.close();
				}
				catch (IOException ex) {
					// Nothing more to release.
				}
			}
		}

	}

	/**
	 * Builds and writes requests; one per writing thread, since it reuses its buffers.
	 */
	private final class RequestWriter {

		// Mac is stateful; with one signer per writing thread no lock is ever contended.
		private final WebhookSigner signer = new WebhookSigner(WebhookClient.this.secret);

		private byte[] request = new byte[2048];

		// Direct, so the channel writes it without copying into a temporary buffer.
		private ByteBuffer out = ByteBuffer.allocateDirect(2048);

		/**
		 * Writes the request; on failure the connection is closed and the event failed.
		 */
		void send(Connection connection, long seq) {
			try {
				write(connection.channel, encode(seq));
			}
			catch (IOException ex) {
				connection.fail(ex);
			}
		}

		private void write(SocketChannel channel, int length) throws IOException {
			if (this.out.capacity() < length) {
				this.out = ByteBuffer.allocateDirect(Math.max(length, this.out.capacity() * 2));
			}
			ByteBuffer buffer = this.out;
			buffer.clear();
			buffer.put(this.request, 0, length).flip();
			long stalledSince = 0;
			while (buffer.hasRemaining()) {
				if (channel.write(buffer) > 0) {
					stalledSince = 0;
					continue;
				}
				long now = System.nanoTime();
				if (stalledSince == 0) {
					stalledSince = now;
				}
				else if (now - stalledSince > MAX_WRITE_STALL_NANOS) {
					throw new IOException("the server stopped reading requests");
				}
				LockSupport.parkNanos(100_000);
			}
		}

		/** Builds the whole request in one buffer so that it goes out in one write. */
		private int encode(long seq) {
			byte[] body = WebhookClient.this.events.body(seq, System.currentTimeMillis());
			byte[] prefix = WebhookClient.this.head;
			int needed = prefix.length + WebhookSigner.SIGNATURE_LENGTH + CONTENT_LENGTH.length + 14 + body.length;
			if (needed > this.request.length) {
				this.request = Arrays.copyOf(this.request, Math.max(needed, this.request.length * 2));
			}
			byte[] buffer = this.request;
			System.arraycopy(prefix, 0, buffer, 0, prefix.length);
			int position = prefix.length;
			this.signer.signInto(body, 0, body.length, buffer, position);
			position += WebhookSigner.SIGNATURE_LENGTH;
			System.arraycopy(CONTENT_LENGTH, 0, buffer, position, CONTENT_LENGTH.length);
			position += CONTENT_LENGTH.length;
			position = writeDecimal(body.length, buffer, position);
			buffer[position++] = '\r';
			buffer[position++] = '\n';
			buffer[position++] = '\r';
			buffer[position++] = '\n';
			System.arraycopy(body, 0, buffer, position, body.length);
			return position + body.length;
		}

	}

	private static int writeDecimal(int value, byte[] buffer, int position) {
		int digits = 1;
		for (int rest = value / 10; rest > 0; rest /= 10) {
			digits++;
		}
		int end = position + digits;
		int rest = value;
		for (int i = end - 1; i >= position; i--) {
			buffer[i] = (byte) ('0' + rest % 10);
			rest /= 10;
		}
		return end;
	}

}
