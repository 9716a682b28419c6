package org.listserv.mail;

import java.util.List;

import org.listserv.shared.Text;
import org.listserv.web.Attention;

import org.springframework.stereotype.Component;

/** For the home page: notices (confirmations, welcomes, test sends, ...) the outbox gave up on. */
@Component
class OutboxAttention implements Attention {

	private final OutboxMessages messages;

	OutboxAttention(OutboxMessages messages) {
		this.messages = messages;
	}

	@Override
	public List<Item> attention() {
		long failed = messages.counts().failed();
		return failed == 0 ? List.of()
				: List.of(Item.work(new Text("home.attention.outbox-failed"), failed, "/admin/outbox", true));
	}

}
