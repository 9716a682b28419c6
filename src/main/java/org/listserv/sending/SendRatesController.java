package org.listserv.sending;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.listserv.mail.RelayStatus;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sending rates, for admins: the page {@code /admin/sending} and {@code /api/sending/rates}. Domain
 * {@code *} (also written {@code global}) is the rate for all mail; any other the rate for one recipient
 * domain. A change reaches this instance at once and the others within {@code listserv.sending.rates-refresh}.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SendRatesController {

	/** The body of {@code PUT /api/sending/rates/{domain}}. */
	record RateRequest(Double perSecond, Double burst) {
	}

	private final SendRates rates;

	private final Throttle throttle;

	private final SendingProperties properties;

	private final SendingInstance instance;

	private final RelayStatus relay;

	SendRatesController(SendRates rates, Throttle throttle, SendingProperties properties, SendingInstance instance,
			RelayStatus relay) {
		this.rates = rates;
		this.throttle = throttle;
		this.properties = properties;
		this.instance = instance;
		this.relay = relay;
	}

	@GetMapping("/api/sending/rates")
	@ResponseBody
	List<SendRates.Rate> list() {
		return rates.all();
	}

	@PutMapping("/api/sending/rates/{domain}")
	@ResponseBody
	SendRates.Rate put(@PathVariable String domain, @RequestBody RateRequest request, Principal who) {
		if (request == null || request.perSecond() == null) {
			throw new InvalidInputException("perSecond", "is required (messages per second, above 0)");
		}
		SendRates.Rate r = rates.set(domain, request.perSecond(), request.burst(), who.getName());
		throttle.refresh();
		return r;
	}

	@DeleteMapping("/api/sending/rates/{domain}")
	ResponseEntity<Void> delete(@PathVariable String domain) {
		if (!rates.remove(domain)) {
			throw new NotFoundException("No rate for " + domain);
		}
		throttle.refresh();
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/admin/sending")
	String page(Model model) {
		model.addAttribute("rates", rates.all());
		model.addAttribute("instance", instance.id());
		model.addAttribute("relay", relay.snapshot());
		model.addAttribute("settings", Map.of("workers", properties.workers(), "connections", properties.connections(),
				"chunkSize", properties.chunkSize(), "partitionSize", properties.partitionSize(),
				"throttleMaxWait", properties.throttleMaxWait().toMillis() / 1000.0 + " s"));
		return "sending";
	}

	@PostMapping("/admin/sending/rates")
	String save(@RequestParam String domain, @RequestParam String perSecond,
			@RequestParam(required = false) String burst, Principal who, RedirectAttributes flash) {
		try {
			SendRates.Rate r = rates.set(domain, number("perSecond", perSecond),
					burst == null || burst.isBlank() ? null : number("burst", burst), who.getName());
			throttle.refresh();
			flash.addFlashAttribute("notice", "Rate for " + label(r.domain()) + " set to " + r.perSecond() + "/s");
		}
		catch (InvalidInputException ex) {
			flash.addFlashAttribute("error", ex.field() + ": " + ex.getMessage());
		}
		return "redirect:/admin/sending";
	}

	@PostMapping("/admin/sending/rates/delete")
	String remove(@RequestParam String domain, RedirectAttributes flash) {
		try {
			String d = SendRates.normalise(domain);
			if (rates.remove(d)) {
				flash.addFlashAttribute("notice", "Rate for " + label(d) + " removed");
			}
			else {
				flash.addFlashAttribute("error", "No rate for " + label(d));
			}
		}
		catch (InvalidInputException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		throttle.refresh();
		return "redirect:/admin/sending";
	}

	private static double number(String field, String value) {
		try {
			return Double.parseDouble(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "must be a number");
		}
	}

	private static String label(String domain) {
		return SendRates.GLOBAL.equals(domain) ? "all mail" : domain;
	}

}
