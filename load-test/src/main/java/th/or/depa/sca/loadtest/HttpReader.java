package th.or.depa.sca.loadtest;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses HTTP/1.1 messages (head and body) from the bytes a non-blocking channel
 * delivers, in buffers reused from one message to the next.
 */
final class HttpReader {

	// A message is kept whole until it is complete, so this bounds head plus body.
	private static final int MAX_MESSAGE = 16 * 1024 * 1024;

	private static final byte[] CONTENT_LENGTH = ascii("content-length");

	private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");

	private static final byte[] CONNECTION = ascii("connection");

	private static final byte[] EXPECT = ascii("expect");

	private static final byte[] CHUNKED = ascii("chunked");

	private static final byte[] CLOSE = ascii("close");

	private static final byte[] KEEP_ALIVE = ascii("keep-alive");

	private static final byte[] CONTINUE = ascii("100-continue");

	private static final byte[] HTTP_1_0 = ascii("HTTP/1.0");

	private byte[] buffer;

	private ByteBuffer window;

	private int position;

	private int limit;

	private boolean eof;

	private int status;

	private byte[] target = new byte[128];

	private int targetLength;

	private long contentLength;

	private boolean chunked;

	private boolean otherTransferCoding;

	private boolean closeHeader;

	private boolean keepAliveHeader;

	private boolean http10;

	private boolean expectContinue;

	private boolean closeDelimited;

	private boolean headComplete;

	private byte[] body = new byte[1024];

	private int bodyLength;

	HttpReader(int initialSize) {
		this.buffer = new byte[initialSize];
		this.window = ByteBuffer.wrap(this.buffer);
	}

	/**
	 * Reads what the channel has, after dropping the messages already parsed.
	 * @return bytes read, 0 if none were ready, -1 at end of stream
	 */
	int readFrom(ReadableByteChannel channel) throws IOException {
		if (this.position > 0) {
			System.arraycopy(this.buffer, this.position, this.buffer, 0, this.limit - this.position);
			this.limit -= this.position;
			this.position = 0;
		}
		if (this.limit == this.buffer.length) {
			if (this.buffer.length >= MAX_MESSAGE) {
				throw new ProtocolException("message larger than " + MAX_MESSAGE + " bytes");
			}
			this.buffer = Arrays.copyOf(this.buffer, Math.min(MAX_MESSAGE, this.buffer.length * 2));
			this.window = ByteBuffer.wrap(this.buffer);
		}
		this.window.limit(this.buffer.length).position(this.limit);
		int read = channel.read(this.window);
		if (read < 0) {
			this.eof = true;
		}
		else {
			this.limit += read;
		}
		return read;
	}

	/** Whether the peer closed its side and every byte it sent has been parsed. */
	boolean finished() {
		return this.eof && this.position == this.limit;
	}

	/**
	 * Parses the next request (head and body, kept in {@link #body()}) from the bytes
	 * read so far.
	 * @return false if it has not fully arrived yet
	 */
	boolean nextRequest() throws IOException {
		if (this.position == this.limit) {
			// The usual case after the last message; cheaper than failing to parse.
			return false;
		}
		int start = this.position;
		try {
			readHead(true);
			if (this.otherTransferCoding) {
				throw new ProtocolException("unsupported transfer coding in a request");
			}
			readBody(true, false);
			return true;
		}
		catch (Incomplete ex) {
			this.position = start;
			return false;
		}
	}

	/**
	 * Parses the next response (head; the body is skipped) from the bytes read so far.
	 * @return false if it has not fully arrived yet
	 */
	boolean nextResponse() throws IOException {
		if (this.position == this.limit) {
			return false;
		}
		int start = this.position;
		try {
			readHead(false);
			// RFC 9112 6.3: these never have a body.
			if ((this.status >= 100 && this.status < 200) || this.status == 204 || this.status == 304) {
				this.bodyLength = 0;
			}
			else {
				readBody(false, true);
			}
			return true;
		}
		catch (Incomplete ex) {
			this.position = start;
			return false;
		}
	}

	/**
	 * Whether the request that {@link #nextRequest()} is waiting for has its head in and
	 * asked for {@code 100 Continue} before sending the body.
	 */
	boolean awaitsContinue() {
		return this.headComplete && this.expectContinue;
	}

	/** Status code of the last response. */
	int status() {
		return this.status;
	}

	/** Whether the last request's target (without query) is exactly {@code path}. */
	boolean pathEquals(byte[] path) {
		int end = 0;
		while (end < this.targetLength && this.target[end] != '?') {
			end++;
		}
		return Arrays.equals(this.target, 0, end, path, 0, path.length);
	}

	/**
	 * Whether the connection cannot carry another message after the last one, because the
	 * peer asked for that or the body ran until the connection closed.
	 */
	boolean closesConnection() {
		return this.closeHeader || (this.http10 && !this.keepAliveHeader) || this.closeDelimited;
	}

	byte[] body() {
		return this.body;
	}

	int bodyLength() {
		return this.bodyLength;
	}

	private void readHead(boolean request) throws IOException {
		this.headComplete = false;
		this.status = 0;
		this.targetLength = 0;
		this.contentLength = -1;
		this.chunked = false;
		this.otherTransferCoding = false;
		this.closeHeader = false;
		this.keepAliveHeader = false;
		this.http10 = false;
		this.expectContinue = false;
		this.closeDelimited = false;
		this.bodyLength = 0;
		int lineEnd = nextLine();
		// RFC 9112 2.2: a recipient should ignore at least one empty line before a
		// message.
		while (contentEnd(lineEnd) == this.position) {
			this.position = lineEnd + 1;
			lineEnd = nextLine();
		}
		if (request) {
			parseRequestLine(this.position, contentEnd(lineEnd));
		}
		else {
			parseStatusLine(this.position, contentEnd(lineEnd));
		}
		this.position = lineEnd + 1;
		while (true) {
			lineEnd = nextLine();
			int end = contentEnd(lineEnd);
			if (end == this.position) {
				this.position = lineEnd + 1;
				this.headComplete = true;
				return;
			}
			parseHeader(this.position, end);
			this.position = lineEnd + 1;
		}
	}

	private void readBody(boolean keep, boolean response) throws IOException {
		if (this.chunked) {
			readChunked(keep);
		}
		else if (this.contentLength >= 0) {
			readFixed(this.contentLength, keep);
		}
		else if (response) {
			this.closeDelimited = true;
			if (!this.eof) {
				throw Incomplete.INSTANCE;
			}
			readFixed(this.limit - this.position, keep);
		}
	}

	private void parseRequestLine(int start, int end) throws ProtocolException {
		int firstSpace = indexOf(start, end, (byte) ' ');
		int secondSpace = (firstSpace < 0) ? -1 : indexOf(firstSpace + 1, end, (byte) ' ');
		if (firstSpace <= start || secondSpace < 0) {
			throw new ProtocolException("malformed request line");
		}
		this.targetLength = secondSpace - firstSpace - 1;
		if (this.target.length < this.targetLength) {
			this.target = new byte[this.targetLength];
		}
		System.arraycopy(this.buffer, firstSpace + 1, this.target, 0, this.targetLength);
		this.http10 = Arrays.equals(this.buffer, secondSpace + 1, end, HTTP_1_0, 0, HTTP_1_0.length);
	}

	private void parseStatusLine(int start, int end) throws ProtocolException {
		// "HTTP/1.x SSS", then an optional reason phrase.
		if (end - start < 12 || !startsWithHttp1(start) || this.buffer[start + 8] != ' '
				|| (end - start > 12 && this.buffer[start + 12] != ' ')) {
			throw new ProtocolException("malformed status line");
		}
		int code = 0;
		for (int i = start + 9; i < start + 12; i++) {
			byte digit = this.buffer[i];
			if (digit < '0' || digit > '9') {
				throw new ProtocolException("malformed status line");
			}
			code = code * 10 + (digit - '0');
		}
		this.status = code;
		this.http10 = this.buffer[start + 7] == '0';
	}

	private boolean startsWithHttp1(int start) {
		byte[] b = this.buffer;
		return b[start] == 'H' && b[start + 1] == 'T' && b[start + 2] == 'T' && b[start + 3] == 'P'
				&& b[start + 4] == '/' && b[start + 5] == '1' && b[start + 6] == '.';
	}

	private void parseHeader(int start, int end) throws ProtocolException {
		int colon = indexOf(start, end, (byte) ':');
		if (colon <= start) {
			throw new ProtocolException("malformed header line");
		}
		int valueStart = colon + 1;
		int valueEnd = end;
		while (valueStart < valueEnd && isBlank(this.buffer[valueStart])) {
			valueStart++;
		}
		while (valueEnd > valueStart && isBlank(this.buffer[valueEnd - 1])) {
			valueEnd--;
		}
		if (equalsIgnoreCase(start, colon, CONTENT_LENGTH)) {
			this.contentLength = parseLength(valueStart, valueEnd);
		}
		else if (equalsIgnoreCase(start, colon, TRANSFER_ENCODING)) {
			// Only the last coding decides how the body is framed.
			this.chunked = valueEnd - valueStart >= CHUNKED.length
					&& equalsIgnoreCase(valueEnd - CHUNKED.length, valueEnd, CHUNKED);
			this.otherTransferCoding = !this.chunked;
		}
		else if (equalsIgnoreCase(start, colon, CONNECTION)) {
			this.closeHeader |= hasToken(valueStart, valueEnd, CLOSE);
			this.keepAliveHeader |= hasToken(valueStart, valueEnd, KEEP_ALIVE);
		}
		else if (equalsIgnoreCase(start, colon, EXPECT)) {
			this.expectContinue = equalsIgnoreCase(valueStart, valueEnd, CONTINUE);
		}
	}

	private long parseLength(int start, int end) throws ProtocolException {
		if (start == end || end - start > 18) {
			throw new ProtocolException("malformed Content-Length");
		}
		long value = 0;
		for (int i = start; i < end; i++) {
			byte digit = this.buffer[i];
			if (digit < '0' || digit > '9') {
				throw new ProtocolException("malformed Content-Length");
			}
			value = value * 10 + (digit - '0');
		}
		return value;
	}

	private boolean hasToken(int start, int end, byte[] token) {
		int tokenStart = start;
		for (int i = start; i <= end; i++) {
			if (i == end || this.buffer[i] == ',') {
				int a = tokenStart;
				int b = i;
				while (a < b && isBlank(this.buffer[a])) {
					a++;
				}
				while (b > a && isBlank(this.buffer[b - 1])) {
					b--;
				}
				if (equalsIgnoreCase(a, b, token)) {
					return true;
				}
				tokenStart = i + 1;
			}
		}
		return false;
	}

	private void readChunked(boolean keep) throws IOException {
		while (true) {
			int lineEnd = nextLine();
			long size = parseChunkSize(this.position, contentEnd(lineEnd));
			this.position = lineEnd + 1;
			if (size == 0) {
				break;
			}
			readFixed(size, keep);
			lineEnd = nextLine();
			if (contentEnd(lineEnd) != this.position) {
				throw new ProtocolException("chunk data longer than its size");
			}
			this.position = lineEnd + 1;
		}
		// Trailer fields, if any, up to the empty line; none of them matter here.
		while (true) {
			int lineEnd = nextLine();
			boolean empty = contentEnd(lineEnd) == this.position;
			this.position = lineEnd + 1;
			if (empty) {
				return;
			}
		}
	}

	private long parseChunkSize(int start, int end) throws ProtocolException {
		long size = 0;
		int digits = 0;
		for (int i = start; i < end; i++) {
			int value = Character.digit(this.buffer[i], 16);
			if (value < 0) {
				// Chunk extensions (";name=value") and trailing blanks carry nothing we
				// need.
				break;
			}
			if (++digits > 15) {
				throw new ProtocolException("chunk size too large");
			}
			size = (size << 4) | value;
		}
		if (digits == 0) {
			throw new ProtocolException("malformed chunk size");
		}
		return size;
	}

	private void readFixed(long length, boolean keep) throws IOException {
		if (length > this.limit - this.position) {
			if (length > MAX_MESSAGE) {
				throw new ProtocolException("message larger than " + MAX_MESSAGE + " bytes");
			}
			throw incomplete();
		}
		int count = (int) length;
		if (keep) {
			int needed = this.bodyLength + count;
			if (needed > this.body.length) {
				this.body = Arrays.copyOf(this.body, Math.max(needed, this.body.length * 2));
			}
			System.arraycopy(this.buffer, this.position, this.body, this.bodyLength, count);
			this.bodyLength = needed;
		}
		this.position += count;
	}

	/** Index of the next LF at or after the current position. */
	private int nextLine() throws IOException {
		for (int scan = this.position; scan < this.limit; scan++) {
			if (this.buffer[scan] == '\n') {
				return scan;
			}
		}
		throw incomplete();
	}

	/**
	 * What to throw when the bytes run out: the rest may still come, unless the peer has
	 * closed.
	 */
	private Incomplete incomplete() throws EOFException {
		if (this.eof) {
			throw new EOFException("connection closed in the middle of a message");
		}
		return Incomplete.INSTANCE;
	}

	/** Where a line's content ends: before the CR of its CRLF, or before a bare LF. */
	private int contentEnd(int lineEnd) {
		return (lineEnd > this.position && this.buffer[lineEnd - 1] == '\r') ? lineEnd - 1 : lineEnd;
	}

	private int indexOf(int start, int end, byte value) {
		for (int i = start; i < end; i++) {
			if (this.buffer[i] == value) {
				return i;
			}
		}
		return -1;
	}

	/** ASCII case-insensitive comparison with a lower-case constant. */
	private boolean equalsIgnoreCase(int start, int end, byte[] lowerCase) {
		if (end - start != lowerCase.length) {
			return false;
		}
		for (int i = 0; i < lowerCase.length; i++) {
			byte c = this.buffer[start + i];
			if (c >= 'A' && c <= 'Z') {
				c = (byte) (c + ('a' - 'A'));
			}
			if (c != lowerCase[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean isBlank(byte c) {
		return c == ' ' || c == '\t';
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * The message is not all here yet. Thrown often and always caught inside this class,
	 * so one shared instance without a stack trace.
	 */
	private static final class Incomplete extends RuntimeException {

		private static final long serialVersionUID = 1L;

		static final Incomplete INSTANCE = new Incomplete();

		private Incomplete() {
			super(null, null, false, false);
		}

	}

}
