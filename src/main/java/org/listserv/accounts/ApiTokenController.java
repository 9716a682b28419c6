package org.listserv.accounts;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.listserv.web.ApiTokenAuthentication;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tokens}: the caller's own API tokens. {@code POST} {@code {"name","scopes":[...]}} → 201
 * {@code {"id","token"}} (the token shown this once), {@code GET} lists them without the token,
 * {@code DELETE /api/tokens/{id}} revokes one (204). A token may make tokens only with scopes it has.
 */
@org.listserv.shared.AnyAccount("the caller's own API tokens")
@RestController
class ApiTokenController {

	record NewToken(String name, List<String> scopes) {
	}

	private final ApiTokenService service;

	ApiTokenController(ApiTokenService service) {
		this.service = service;
	}

	@PostMapping("/api/tokens")
	ResponseEntity<Map<String, Object>> create(@RequestBody NewToken request, Principal me) {
		Set<String> allowed = me instanceof ApiTokenAuthentication token ? token.scopes() : null;
		ApiTokenService.Made made = service.create(me.getName(), request.name(), request.scopes(), allowed);
		return ResponseEntity.created(URI.create("/api/tokens/" + made.id()))
			.body(Map.of("id", made.id(), "token", made.token()));
	}

	@GetMapping("/api/tokens")
	List<ApiTokens.Token> list(Principal me) {
		return service.list(me.getName());
	}

	@DeleteMapping("/api/tokens/{id}")
	ResponseEntity<Void> revoke(@PathVariable long id, Principal me) {
		service.revoke(me.getName(), id);
		return ResponseEntity.noContent().build();
	}

}
