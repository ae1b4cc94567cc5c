package th.or.depa.sca.nlp.parse;

import java.net.IDN;

/**
 * An e-mail address with a lower-case domain; {@link #toString()} masks it for logs.
 *
 * @param value the address as {@code local@domain}, an internationalized domain in
 * Unicode
 */
public record EmailAddress(String value) {

	public EmailAddress {
		// The message never contains the address: it is personal data.
		if (value == null || value.indexOf('@') <= 0 || value.indexOf('@') != value.lastIndexOf('@')) {
			throw new IllegalArgumentException("An e-mail address needs one '@' after a local part");
		}
	}

	/**
	 * Returns the part before the {@code @}.
	 */
	public String localPart() {
		return this.value.substring(0, this.value.indexOf('@'));
	}

	/**
	 * Returns the part after the {@code @}, in Unicode for an internationalized domain.
	 */
	public String domain() {
		return this.value.substring(this.value.indexOf('@') + 1);
	}

	/**
	 * Returns the address with its domain in ASCII (punycode), as mail servers need it.
	 */
	public String ascii() {
		return localPart() + "@" + IDN.toASCII(domain());
	}

	/**
	 * Returns the address with all of its local part but the first character masked, e.g.
	 * {@code s***@example.com}.
	 */
	@Override
	public String toString() {
		return "EmailAddress[" + this.value.charAt(0) + "***@" + domain() + "]";
	}

}
