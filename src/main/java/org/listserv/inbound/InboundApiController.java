package org.listserv.inbound;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/inbound}: received messages and where they stand, for admins. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class InboundApiController {

	private final InboundAdmin admin;

	InboundApiController(InboundAdmin admin) {
		this.admin = admin;
	}

	@GetMapping("/api/inbound")
	InboundAdmin.Page page(@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return admin.page(state, page, size);
	}

	@GetMapping("/api/inbound/{id}")
	StoredMessage one(@PathVariable long id) {
		return admin.get(id);
	}

	@PostMapping("/api/inbound/{id}/retry")
	StoredMessage retry(@PathVariable long id) {
		return admin.retry(id);
	}

}
