package org.listserv.inbound;

import org.listserv.shared.ConflictException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The received messages ({@code /admin/inbound}), one message with its headers and text, and retry. */
@Controller
class InboundPageController {

	private static final int PAGE_SIZE = 50;

	private final InboundAdmin admin;

	private final org.listserv.shared.Texts texts;

	InboundPageController(InboundAdmin admin, org.listserv.shared.Texts texts) {
		this.texts = texts;
		this.admin = admin;
	}

	@GetMapping("/admin/inbound")
	@PreAuthorize("hasRole('ADMIN')")
	String messages(@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page,
			Model model) {
		InboundState wanted = InboundAdmin.state(state);
		model.addAttribute("messages", admin.page(state, Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("state", wanted == null ? "" : wanted.name());
		model.addAttribute("states", InboundState.values());
		return "inbound";
	}

	@GetMapping("/admin/inbound/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String message(@PathVariable long id, Model model) {
		model.addAttribute("view", admin.view(id));
		return "inbound-message";
	}

	@GetMapping("/admin/inbound/{id}/raw")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<byte[]> raw(@PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"message-" + id + ".eml\"")
			.body(admin.raw(id));
	}

	@PostMapping("/admin/inbound/{id}/retry")
	@PreAuthorize("hasRole('ADMIN')")
	String retry(@PathVariable long id, RedirectAttributes flash) {
		try {
			admin.retry(id);
			flash.addFlashAttribute("notice", texts.get("inbound.message.retried", String.valueOf(id)));
		}
		catch (ConflictException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
		}
		return "redirect:/admin/inbound/" + id;
	}

}
