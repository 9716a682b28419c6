package org.listserv.composing;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

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

	record PreviewRequest(String email) {
	}

	/** {@code as}: the member whose name and attributes the test shows (optional). */
	record TestRequest(List<String> to, String as) {
	}

	private final CampaignService service;

	private final CampaignPreviews previews;

	private final ObjectProvider<CampaignProgress> progress;

	CampaignApiController(CampaignService service, CampaignPreviews previews, ObjectProvider<CampaignProgress> progress) {
		this.service = service;
		this.previews = previews;
		this.progress = progress;
	}

	@PostMapping("/api/campaigns")
	ResponseEntity<Campaign> create(@RequestBody CampaignRequest request, Principal user) {
		Campaign c = service.create(request, user.getName());
		return ResponseEntity.created(URI.create("/api/campaigns/" + c.id())).body(c);
	}

	@GetMapping("/api/campaigns")
	List<Campaign> search(@RequestParam(required = false) String list, @RequestParam(required = false) String status) {
		return service.search(list, status);
	}

	/** A campaign with {@code progress} (deliveries per state, rate, ETA) once its send has started. */
	record CampaignView(@JsonUnwrapped Campaign campaign, CampaignProgress.Progress progress) {
	}

	@GetMapping("/api/campaigns/{id}")
	CampaignView one(@PathVariable long id) {
		Campaign c = service.get(id);
		CampaignProgress p = progress.getIfAvailable();
		return new CampaignView(c, p == null ? null : p.progress(id).orElse(null));
	}

	@PatchMapping("/api/campaigns/{id}")
	Campaign update(@PathVariable long id, @RequestBody CampaignRequest request) {
		return service.update(id, request);
	}

	@DeleteMapping("/api/campaigns/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		service.delete(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/campaigns/{id}/preview")
	CampaignPreviews.Preview preview(@PathVariable long id, @RequestBody(required = false) PreviewRequest request) {
		return previews.preview(service.get(id), request == null ? null : request.email());
	}

	@PostMapping("/api/campaigns/{id}/test")
	ResponseEntity<Map<String, Object>> test(@PathVariable long id, @RequestBody TestRequest request, Principal user) {
		CampaignPreviews.TestSend sent = previews.testSend(service.get(id), request.to(), request.as(), user.getName());
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("queued", sent.outboxIds().size());
		body.put("state", "queued");
		body.put("outbox", sent.outboxIds().stream().map(o -> "/api/outbox/" + o).toList());
		body.put("renderedAs", sent.renderedAs());
		return ResponseEntity.accepted().body(body);
	}

	@ExceptionHandler
	ProblemDetail syntax(TemplateSyntaxException ex) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		pd.setTitle("Template does not compile");
		pd.setProperty("field", ex.field());
		pd.setProperty("line", ex.line());
		pd.setProperty("column", ex.column());
		pd.setProperty("problem", ex.problem());
		return pd;
	}

	@ExceptionHandler
	ProblemDetail checklist(ChecklistFailedException ex) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		pd.setTitle("Checklist has errors");
		pd.setProperty("checklist", ex.checklist());
		return pd;
	}

}
