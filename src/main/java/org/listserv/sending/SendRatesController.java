package org.listserv.sending;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.listserv.mail.RelayStatus;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.Text;
import org.listserv.shared.Texts;

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

	private final Texts texts;

	SendRatesController(SendRates rates, Throttle throttle, SendingProperties properties, SendingInstance instance,
			RelayStatus relay, Texts texts) {
		this.rates = rates;
		this.throttle = throttle;
		this.properties = properties;
		this.instance = instance;
		this.relay = relay;
		this.texts = texts;
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
			throw new InvalidInputException("perSecond", new Text("sending.error.per-second-required"));
		}
		SendRates.Rate r = rates.set(domain, request.perSecond(), request.burst(), who.getName());
		throttle.refresh();
		return r;
	}

	@DeleteMapping("/api/sending/rates/{domain}")
	ResponseEntity<Void> delete(@PathVariable String domain) {
		if (!rates.remove(domain)) {
			throw new NotFoundException(new Text("sending.error.no-rate", domain));
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
				"throttleMaxWait", properties.throttleMaxWait().toMillis() / 1000.0));
		return "sending";
	}

	@PostMapping("/admin/sending/rates")
	String save(@RequestParam String domain, @RequestParam String perSecond,
			@RequestParam(required = false) String burst, Principal who, RedirectAttributes flash) {
		try {
			SendRates.Rate r = rates.set(domain, number("perSecond", perSecond),
					burst == null || burst.isBlank() ? null : number("burst", burst), who.getName());
			throttle.refresh();
			flash.addFlashAttribute("notice", texts.get("sending.rates.saved", label(r.domain()), r.perSecond()));
		}
		catch (InvalidInputException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
		}
		return "redirect:/admin/sending";
	}

	@PostMapping("/admin/sending/rates/delete")
	String remove(@RequestParam String domain, RedirectAttributes flash) {
		try {
			String d = SendRates.normalise(domain);
			if (rates.remove(d)) {
				flash.addFlashAttribute("notice", texts.get("sending.rates.removed", label(d)));
			}
			else {
				flash.addFlashAttribute("error", texts.get("sending.error.no-rate", label(d)));
			}
		}
		catch (InvalidInputException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
		}
		throttle.refresh();
		return "redirect:/admin/sending";
	}

	private static double number(String field, String value) {
		try {
			// a decimal comma too: the page writes 12,5 to a Spanish reader
			return Double.parseDouble(value.strip().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, new Text("perSecond".equals(field) ? "sending.error.per-second-not-a-number"
					: "sending.error.burst-not-a-number"));
		}
	}

	/** A domain as a sentence names it; {@code *} is "all mail". */
	private static Object label(String domain) {
		return SendRates.GLOBAL.equals(domain) ? new Text("sending.rates.all-mail-in-sentence") : domain;
	}

}
