package th.or.depa.sca.bot.privacy;

import java.time.Instant;
import java.util.Map;

import th.or.depa.sca.domain.privacy.Consent;
import th.or.depa.sca.templates.Lang;
import th.or.depa.sca.templates.MessageCatalog;
import th.or.depa.sca.templates.MessageKey;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The privacy notice as the chat gives it, and the consent records made from it.
 */
@Component
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyNotice {

	private final PrivacyProperties properties;

	private final MessageCatalog catalog;

	PrivacyNotice(PrivacyProperties properties, MessageCatalog catalog) {
		this.properties = properties;
		this.catalog = catalog;
	}

	/**
	 * A notice from the catalog with the link to the full notice, if one is published.
	 */
	public String text(Lang lang, MessageKey key, Map<String, ?> args) {
		String link = (this.properties.noticeUrl() != null && !this.properties.noticeUrl().toString().isBlank())
				? this.catalog.text(lang, MessageKey.PRIVACY_NOTICE_LINK,
						Map.of("url", this.properties.noticeUrl().toString()))
				: "";
		java.util.Map<String, Object> all = new java.util.HashMap<>(args);
		all.put("link", link);
		return this.catalog.text(lang, key, all);
	}

	/** The consent a user gives to a purpose now, with the notice's version. */
	public Consent consent(String purpose, Instant now) {
		return new Consent(purpose, this.properties.noticeVersion(), now);
	}

}
