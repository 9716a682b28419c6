package org.listserv.inbound;

import java.util.ArrayList;
import java.util.List;

import org.listserv.shared.Text;
import org.listserv.web.Attention;

import org.springframework.stereotype.Component;

/**
 * For the home page: received mail that waits for a person (held: to an address nothing handles, or too costly
 * to read) and mail that could not be processed. Admins retry or read them.
 */
@Component
class InboundAttention implements Attention {

	private final InboundMessages messages;

	InboundAttention(InboundMessages messages) {
		this.messages = messages;
	}

	@Override
	public List<Item> attention() {
		List<Item> items = new ArrayList<>();
		long held = messages.count(InboundState.HELD);
		if (held > 0) {
			items.add(Item.work(new Text("home.attention.inbound-held"), held, "/admin/inbound?state=HELD", true));
		}
		long failed = messages.count(InboundState.FAILED);
		if (failed > 0) {
			items.add(Item.work(new Text("home.attention.inbound-failed"), failed, "/admin/inbound?state=FAILED",
					true));
		}
		return items;
	}

}
