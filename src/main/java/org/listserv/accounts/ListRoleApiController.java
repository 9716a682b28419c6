package org.listserv.accounts;

import java.security.Principal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Per-list roles: {@code GET /api/lists/{slug}/roles}, {@code PUT /api/lists/{slug}/roles/{email}}
 * {@code {"role":"OWNER|SENDER|MODERATOR|VIEWER"}} and {@code DELETE} the same. Admins and the list's owners.
 */
@RestController
class ListRoleApiController {

	record RoleRequest(String role) {
	}

	private final ListRoleService roles;

	ListRoleApiController(ListRoleService roles) {
		this.roles = roles;
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.ROLES)
	@GetMapping("/api/lists/{slug}/roles")
	List<ListRoles.Grant> grants(@PathVariable String slug) {
		return roles.grants(slug);
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.ROLES)
	@PutMapping("/api/lists/{slug}/roles/{email}")
	ListRoles.Grant put(@PathVariable String slug, @PathVariable String email, @RequestBody RoleRequest request,
			Principal me) {
		return roles.put(slug, email, request == null ? null : request.role(), me.getName());
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.ROLES)
	@DeleteMapping("/api/lists/{slug}/roles/{email}")
	ResponseEntity<Void> remove(@PathVariable String slug, @PathVariable String email) {
		return roles.remove(slug, email) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

}
