package org.listserv.lists;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/lists}: read for everyone logged in; create, change and delete for admins. */
@RestController
class ListApiController {

	private final ListService service;

	private final org.listserv.accounts.ListAccess access;

	ListApiController(ListService service, org.listserv.accounts.ListAccess access) {
		this.access = access;
		this.service = service;
	}

	@org.listserv.shared.AnyAccount("lists only the lists the caller holds a role on")
	@GetMapping("/api/lists")
	List<MailingList> all() {
		return access.visible(service.all(), MailingList::id);
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.VIEW)
	@GetMapping("/api/lists/{slug}")
	MailingList one(@PathVariable String slug) {
		return service.get(slug);
	}

	@PostMapping("/api/lists")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<MailingList> create(@RequestBody ListRequest request) {
		MailingList created = service.create(request);
		return ResponseEntity.created(URI.create("/api/lists/" + created.slug())).body(created);
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.SETTINGS)
	@PatchMapping("/api/lists/{slug}")
	MailingList update(@PathVariable String slug, @RequestBody ListRequest request) {
		return service.update(slug, request);
	}

	@DeleteMapping("/api/lists/{slug}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> delete(@PathVariable String slug) {
		service.delete(slug);
		return ResponseEntity.noContent().build();
	}

}
