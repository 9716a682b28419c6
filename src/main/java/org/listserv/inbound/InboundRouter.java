package org.listserv.inbound;

import java.util.Optional;

import org.listserv.lists.ListService;
import org.listserv.mail.InboundMessage;
import org.listserv.mail.InboundMessage.MalformedMessageException;
import org.listserv.mail.ListAddress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Decides what becomes of one stored message: parse it, find the list and the role of the address it
 * was sent to, and hand it to the {@link InboundHandler} that takes that role. When several handlers
 * take one role, the first in {@code @Order} wins. A handler's exception is the caller's to record.
 */
@Component
class InboundRouter {

	private final ListService lists;

	private final ObjectProvider<InboundHandler> handlers;

	InboundRouter(ListService lists, ObjectProvider<InboundHandler> handlers) {
		this.lists = lists;
		this.handlers = handlers;
	}

	Disposition route(InboundMessages.Claimed claimed) {
		InboundMessage message;
		try {
			message = InboundMessage.parse(claimed.raw());
		}
		catch (MalformedMessageException ex) {
			return Disposition.failed("Malformed message: " + ex.getMessage());
		}
		Optional<ListAddress> address = ListAddress.ofRecipient(claimed.recipient());
		if (address.isEmpty()) {
			return Disposition.failed("Not a list address: " + claimed.recipient());
		}
		ListAddress to = address.get();
		if (lists.find(to.slug()).isEmpty()) {
			return Disposition.failed("No list '" + to.slug() + "' (deleted since the message came?)");
		}
		Optional<InboundHandler> handler = handlers.orderedStream()
			.filter(h -> h.roles().contains(to.role()))
			.findFirst();
		if (handler.isEmpty()) {
			return Disposition.held("no handler for " + to.role() + " yet");
		}
		Disposition outcome = handler.get().handle(message, new Envelope(claimed.mailFrom(), claimed.recipient(), claimed.id()), to);
		if (outcome == null || outcome.state() == null || outcome.state() == InboundState.RECEIVED) {
			return Disposition.failed("The " + to.role() + " handler gave no final state");
		}
		return new Disposition(outcome.state(), InboundStore.note(outcome.note()));
	}

}
