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

	private final CampaignService campaigns;

	private final org.listserv.accounts.ListAccess access;

	TemplateApiController(CampaignReuse reuse, CampaignService campaigns, org.listserv.accounts.ListAccess access) {
		this.campaigns = campaigns;
		this.access = access;
		this.reuse = reuse;
	}

	@org.listserv.shared.AnyAccount("the organisation's templates, shared by every list")
	@GetMapping("/api/templates")
	List<CampaignTemplate> all() {
		return reuse.templates();
	}

	@org.listserv.shared.AnyAccount("the organisation's templates, shared by every list")
	@GetMapping("/api/templates/{id}")
	CampaignTemplate one(@PathVariable long id) {
		return reuse.template(id);
	}

	@org.listserv.shared.AnyAccount("saves a campaign the caller may see (checked by the service) as the organisation's template")
	@PostMapping("/api/templates")
	ResponseEntity<CampaignTemplate> create(@RequestBody TemplateRequest request, Principal user) {
		if (request.campaign() == null) {
			throw new InvalidInputException("campaign", new Text("composing.error.template-campaign-missing"));
		}
		String list = campaigns.get(request.campaign()).list();
		access.require(list, org.listserv.shared.ListPermission.VIEW,
				new Text("composing.error.no-campaign", String.valueOf(request.campaign())));
		CampaignTemplate t = reuse.saveAsTemplate(request.campaign(), request.name(), user.getName());
		return ResponseEntity.created(URI.create("/api/templates/" + t.id())).body(t);
	}

	@org.listserv.shared.AnyAccount("the organisation's templates, shared by every list")
	@PatchMapping("/api/templates/{id}")
	CampaignTemplate rename(@PathVariable long id, @RequestBody RenameRequest request) {
		return reuse.rename(id, request.name());
	}

	@org.listserv.shared.AnyAccount("the organisation's templates, shared by every list")
	@DeleteMapping("/api/templates/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		reuse.delete(id);
		return ResponseEntity.noContent().build();
	}

	@org.listserv.shared.AnyAccount("creates a campaign on the list in the body, checked by the service")
	@PostMapping("/api/templates/{id}/campaigns")
	ResponseEntity<Campaign> start(@PathVariable long id, @RequestBody StartRequest request, Principal user) {
		if (request.list() != null && !request.list().isBlank()) {
			access.require(request.list().strip(), org.listserv.shared.ListPermission.SEND);
		}
		Campaign c = reuse.startFrom(id, request.list(), request.subject(), user.getName());
		return ResponseEntity.created(URI.create("/api/campaigns/" + c.id())).body(c);
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/api/campaigns/{id}/duplicate")
	ResponseEntity<Campaign> duplicate(@PathVariable long id, Principal user) {
		Campaign c = reuse.duplicate(id, user.getName());
		return ResponseEntity.created(URI.create("/api/campaigns/" + c.id())).body(c);
	}

}
