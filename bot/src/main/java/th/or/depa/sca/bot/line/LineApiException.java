package th.or.depa.sca.bot.line;

import java.util.Locale;

/**
 * A LINE API call that failed for good: after retries, or at once for a non-retryable
 * status.
 */
public class LineApiException extends RuntimeException {

	private final String operation;

	private final int status;

	public LineApiException(String operation, int status, String message, Throwable cause) {
		super(operation + " failed" + (status > 0 ? " with HTTP " + status : " (no response)") + ": " + message, cause);
		this.operation = operation;
		this.status = status;
	}

	public String operation() {
		return this.operation;
	}

	/** The HTTP status, or 0 when LINE did not answer (timeout, connection refused). */
	public int status() {
		return this.status;
	}

	/** LINE answers 409 when a request with the same retry key was already accepted. */
	boolean alreadyAccepted() {
		return this.status == 409;
	}

	boolean retryable() {
		return this.status == 0 || this.status == 429 || this.status >= 500;
	}

	/**
	 * LINE rejects expired and already used reply tokens with 400 "Invalid reply token".
	 */
	boolean invalidReplyToken() {
		String text = getMessage();
		return this.status == 400 && text != null && text.toLowerCase(Locale.ROOT).contains("reply token");
	}

}
