package org.listserv.sending;

import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.listserv.composing.CampaignMail;
import org.listserv.mail.MailProperties;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Renders one delivery's message from the campaign compiled once for the step, and gives it the VERP
 * envelope sender {@code {slug}-bounces+{token}@{domain}}, the token naming the delivery; signed with DKIM
 * when that is configured.
 */
class DeliveryRenderer implements ItemProcessor<Delivery, RenderedDelivery> {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final CampaignMail.Prepared prepared;

	private final JsonMapper json;

	private final String domain;

	private final DkimSigning dkim;

	DeliveryRenderer(CampaignMail.Prepared prepared, JsonMapper json, MailProperties mail, DkimSigning dkim) {
		this.prepared = prepared;
		this.json = json;
		this.domain = mail.domain();
		this.dkim = dkim;
	}

	@Override
	public RenderedDelivery process(Delivery d) {
		Map<String, Object> attributes = d.attributes() == null ? Map.of() : json.readValue(d.attributes(), MAP);
		byte[] message = dkim.sign(prepared.write(d.subscriberId(), d.address(), d.name(), attributes, d.language()));
		return new RenderedDelivery(d, verp(prepared.listSlug(), d.verpToken(), domain), message);
	}

	static String verp(String slug, String token, String domain) {
		return slug + "-bounces+" + token + "@" + domain;
	}

}
