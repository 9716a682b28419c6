package org.listserv.sending;

import java.util.Map;

import org.listserv.composing.CampaignService;
import org.listserv.shared.Texts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/campaigns/{id}/send|pause|resume|cancel}: for staff and admins; 202 with the status. */
@RestController
class SendingApiController {

	private final CampaignSending sending;

	private final CampaignService campaigns;

	private final Texts texts;

	SendingApiController(CampaignSending sending, CampaignService campaigns, Texts texts) {
		this.sending = sending;
		this.campaigns = campaigns;
		this.texts = texts;
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/api/campaigns/{id}/send")
	ResponseEntity<Map<String, Object>> send(@PathVariable long id) {
		sending.send(id);
		return accepted(id);
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/api/campaigns/{id}/pause")
	ResponseEntity<Map<String, Object>> pause(@PathVariable long id) {
		sending.pause(id);
		return accepted(id);
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/api/campaigns/{id}/resume")
	ResponseEntity<Map<String, Object>> resume(@PathVariable long id) {
		sending.resume(id);
		return accepted(id);
	}

	@org.listserv.shared.OnList(value = org.listserv.shared.ListPermission.SEND, via = "campaign")
	@PostMapping("/api/campaigns/{id}/cancel")
	ResponseEntity<Map<String, Object>> cancel(@PathVariable long id) {
		sending.cancel(id);
		return accepted(id);
	}

	private ResponseEntity<Map<String, Object>> accepted(long id) {
		return ResponseEntity.accepted().body(Map.of("id", id, "status", campaigns.get(id).status()));
	}

	@ExceptionHandler
	ProblemDetail notReady(CampaignNotReadyException ex) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, texts.of(ex));
		pd.setTitle("Checklist has errors");
		pd.setProperty("checklist", ex.checklist());
		return pd;
	}

}
