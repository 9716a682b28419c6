package org.listserv.composing;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.listserv.shared.Texts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/campaigns}: for staff and admins. */
@RestController
class CampaignApiController {

	/** {@code language}: the version to preview (blank: the campaign's own texts). */
	record PreviewRequest(String email, String language) {
	}

	/**
	 * {@code as}: the member whose name and attributes the test shows (optional); {@code language}: the
	 * version to send (optional: the campaign's own texts).
	 */
	record TestRequest(List<String> to, String as, String language) {
	}

	private final CampaignService service;

	private final CampaignPreviews previews;

	private final ObjectProvider<CampaignProgress> progress;

	private final VersionCounts counts;

	private final Texts texts;

	private final org.listserv.accounts.ListAccess access;

	CampaignApiController(CampaignService service, CampaignPreviews previews, ObjectProvider<CampaignProgress> progress,
			VersionCounts counts, Texts texts, org.listserv.accounts.ListAccess access) {
		this.access = access;
		this.texts = texts;
		this.counts = counts;
		this.service = service;
		this.previews = previews;
		this.progress = progress;
	}

	@org.listserv.shared.AnyAccount("creates a campaign on the list in the body, checked by the service")
	@PostMapping("/api/campaigns")
	ResponseEntity<CampaignView> create(@RequestBody CampaignRequest request, Principal user) {
		if (request.list() != null && !request.list().isBlank()) {
			access.require(request.list().strip(), org.listserv.shared.ListPermission.SEND);
		}
		requireSendToSchedule(request);
		Campaign c = service.create(request, user.getName());
		return ResponseEntity.created(URI.create("/api/campaigns/" + c.id())).body(view(c));
	}

	@org.listserv.shared.AnyAccount("lists only the campaigns of the lists the caller holds a role on")
	@GetMapping("/api/campaigns")
	List<Campaign> search(@RequestParam(required = false) String list, @RequestParam(required = false) String status) {
		if (list != null && !list.isBlank()) {
			access.require(list.strip(), org.listserv.shared.ListPermission.VIEW);
		}
		return access.visible(service.search(list, status), Campaign::listId);
	}

	/**
	 * A campaign with its {@code language} (its list's default: the language of its own texts), its
	 * {@code versions} in other languages, and once its send has started {@code progress} (deliveries per
	 * state, rate, ETA) and {@code recipientsPerVersion} (how many members got each version).
	 */
	record CampaignView(@JsonUnwrapped Campaign campaign, String language, List<CampaignVersion> versions,
			CampaignProgress.Progress progress, List<VersionCounts.VersionRecipients> recipientsPerVersion) {
	}

	private CampaignView view(Campaign c) {
		CampaignProgress p = progress.getIfAvailable();
		CampaignProgress.Progress now = p == null ? null : p.progress(c.id()).orElse(null);
		return new CampaignView(c, service.defaultLanguage(c), service.versions(c.id()), now,
				now == null ? null : counts.of(c));
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.VIEW, via = "campaign")
	@GetMapping("/api/campaigns/{id}")
	CampaignView one(@PathVariable long id) {
		return view(service.get(id));
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PatchMapping("/api/campaigns/{id}")
	CampaignView update(@PathVariable long id, @RequestBody CampaignRequest request) {
		requireSendToSchedule(request);
		return view(service.update(id, request));
	}

	/**
	 * Scheduling a send is sending: an API token needs the scope {@code send} to set {@code "status":"SCHEDULED"},
	 * or a {@code scheduledAt} without a status (which schedules too, see CampaignRules).
	 */
	private static void requireSendToSchedule(CampaignRequest request) {
		boolean noStatus = request.status() == null || request.status().isBlank();
		if (noStatus ? request.scheduledAt() != null : "SCHEDULED".equalsIgnoreCase(request.status().strip())) {
			org.listserv.web.ApiScopes.require(org.listserv.web.ApiScopes.SEND);
		}
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@DeleteMapping("/api/campaigns/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		service.delete(id);
		return ResponseEntity.noContent().build();
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.VIEW, via = "campaign")
	@PostMapping("/api/campaigns/{id}/preview")
	CampaignPreviews.Preview preview(@PathVariable long id, @RequestBody(required = false) PreviewRequest request) {
		return previews.preview(service.get(id), request == null ? null : request.email(),
				request == null ? null : request.language());
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/api/campaigns/{id}/test")
	ResponseEntity<Map<String, Object>> test(@PathVariable long id, @RequestBody TestRequest request, Principal user) {
		CampaignPreviews.TestSend sent = previews.testSend(service.get(id), request.to(), request.as(), user.getName(),
				request.language());
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("queued", sent.outboxIds().size());
		body.put("state", "queued");
		body.put("outbox", sent.outboxIds().stream().map(o -> "/api/outbox/" + o).toList());
		body.put("renderedAs", sent.renderedAs());
		return ResponseEntity.accepted().body(body);
	}

	/** The titles stay English (stable, documented in docs/api.md); the details are in the request's language. */
	@ExceptionHandler
	ProblemDetail syntax(TemplateSyntaxException ex) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, texts.of(ex));
		pd.setTitle("Template does not compile");
		pd.setProperty("field", ex.field());
		pd.setProperty("line", ex.line());
		pd.setProperty("column", ex.column());
		pd.setProperty("problem", texts.get(ex.problem()));
		return pd;
	}

	@ExceptionHandler
	ProblemDetail checklist(ChecklistFailedException ex) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, texts.of(ex));
		pd.setTitle("Checklist has errors");
		pd.setProperty("checklist", ex.checklist());
		return pd;
	}

}
