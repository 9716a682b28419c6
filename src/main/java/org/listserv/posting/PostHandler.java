package org.listserv.posting;

import java.util.Set;

import org.listserv.inbound.Disposition;
import org.listserv.inbound.Envelope;
import org.listserv.inbound.InboundHandler;
import org.listserv.lists.ListService;
import org.listserv.mail.InboundMessage;
import org.listserv.mail.ListAddress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Mail to {@code {slug}@}: a post. A post that the administrivia rule takes for a command is answered by the
 * handler of {@code {slug}-request@} (subscriptions), as if it had been sent there.
 */
@Component
class PostHandler implements InboundHandler {

	private final ListService lists;

	private final PostingService posting;

	private final ObjectProvider<InboundHandler> handlers;

	PostHandler(ListService lists, PostingService posting, ObjectProvider<InboundHandler> handlers) {
		this.lists = lists;
		this.posting = posting;
		this.handlers = handlers;
	}

	@Override
	public Set<ListAddress.Role> roles() {
		return Set.of(ListAddress.Role.POST);
	}

	@Override
	public Disposition handle(InboundMessage message, Envelope envelope, ListAddress to) {
		PostingService.Received r = posting.receive(lists.get(to.slug()), message, envelope.inboundMessageId());
		if (r.status() == PostStatus.COMMAND && !r.again()) {
			ListAddress request = new ListAddress(to.slug(), ListAddress.Role.REQUEST, null);
			return handlers.orderedStream()
				.filter(h -> h != this && h.roles().contains(ListAddress.Role.REQUEST))
				.findFirst()
				.map(h -> {
					Disposition d = h.handle(message, envelope, request);
					return Disposition.handled(r.note() + "; as a command: " + d.note());
				})
				.orElse(Disposition.held(r.note() + "; no handler for commands"));
		}
		return Disposition.handled(r.note());
	}

}
