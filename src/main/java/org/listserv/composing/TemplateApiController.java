package org.listserv.composing;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/templates} and duplicating a campaign: for staff and admins. */
@RestController
class TemplateApiController {

	/** Save campaign {@code campaign} as a template named {@code name}. */
	record TemplateRequest(String name, Long campaign) {
	}

	record RenameRequest(String name) {
	}

	/** A new campaign on {@code list}; a blank {@code subject} takes the template's. */
	record StartRequest(String list, String subject) {
	}

	private final CampaignReuse reuse;

	TemplateApiController(CampaignReuse reuse) {
		this.reuse = reuse;
	}

	@GetMapping("/api/templates")
	List<CampaignTemplate> all() {
		return reuse.templates();
	}

	@GetMapping("/api/templates/{id}")
	CampaignTemplate one(@PathVariable long id) {
		return reuse.template(id);
	}

	@PostMapping("/api/templates")
	ResponseEntity<CampaignTemplate> create(@RequestBody TemplateRequest request, Principal user) {
		if (request.campaign() == null) {
			throw new InvalidInputException("campaign", new Text("composing.error.template-campaign-missing"));
		}
		CampaignTemplate t = reuse.saveAsTemplate(request.campaign(), request.name(), user.getName());
		return ResponseEntity.created(URI.create("/api/templates/" + t.id())).body(t);
	}

	@PatchMapping("/api/templates/{id}")
	CampaignTemplate rename(@PathVariable long id, @RequestBody RenameRequest request) {
		return reuse.rename(id, request.name());
	}

	@DeleteMapping("/api/templates/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		reuse.delete(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/templates/{id}/campaigns")
	ResponseEntity<Campaign> start(@PathVariable long id, @RequestBody StartRequest request, Principal user) {
		Campaign c = reuse.startFrom(id, request.list(), request.subject(), user.getName());
		return ResponseEntity.created(URI.create("/api/campaigns/" + c.id())).body(c);
	}

	@PostMapping("/api/campaigns/{id}/duplicate")
	ResponseEntity<Campaign> duplicate(@PathVariable long id, Principal user) {
		Campaign c = reuse.duplicate(id, user.getName());
		return ResponseEntity.created(URI.create("/api/campaigns/" + c.id())).body(c);
	}

}
