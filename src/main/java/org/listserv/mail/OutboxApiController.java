package org.listserv.mail;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/outbox} (newest first, {@code state}, {@code kind}, {@code page}) and
 * {@code GET /api/outbox/{id}}: what became of a notice or a test send. Admins see everything, staff the test
 * sends only.
 */
@RestController
class OutboxApiController {

	private final Outbox outbox;

	OutboxApiController(Outbox outbox) {
		this.outbox = outbox;
	}

	@org.listserv.shared.AnyAccount("an account sees its own test sends; admins everything")
	@GetMapping("/api/outbox")
	Outbox.Page page(@RequestParam(required = false) String state, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "0") int page, Authentication user) {
		String shownKind = OutboxPageController.isAdmin(user) ? OutboxPageController.blankToNull(kind)
				: OutboxEntry.CAMPAIGN_TEST;
		return outbox.page(OutboxPageController.state(state), shownKind, page, OutboxPageController.PAGE_SIZE);
	}

	@org.listserv.shared.AnyAccount("an account sees its own test sends; admins everything")
	@GetMapping("/api/outbox/{id}")
	OutboxEntry one(@PathVariable long id, Authentication user) {
		return OutboxPageController.visible(outbox, id, user);
	}

}
