package org.listserv.accounts;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Texts;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /login/forgot} asks an address and always answers the same page; {@code /login/reset/{token}} sets a
 * new password through the mailed link (its form posts back to the same address).
 */
@Controller
class PasswordResetController {

	private final PasswordReset resets;

	private final Texts texts;

	PasswordResetController(PasswordReset resets, Texts texts) {
		this.resets = resets;
		this.texts = texts;
	}

	@GetMapping("/login/forgot")
	String forgot() {
		return "login-forgot";
	}

	@PostMapping("/login/forgot")
	String ask(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
		resets.request(email, request.getRemoteAddr(), LocaleContextHolder.getLocale());
		model.addAttribute("sent", true);
		return "login-forgot";
	}

	@GetMapping("/login/reset/{token}")
	String form(@PathVariable String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("valid", resets.valid(token));
		return "login-reset";
	}

	@PostMapping("/login/reset/{token}")
	String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password, Model model) {
		model.addAttribute("token", token);
		try {
			if (resets.reset(token, password)) {
				return "redirect:/login?reset";
			}
			model.addAttribute("valid", false);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("valid", resets.valid(token));
			model.addAttribute("passwordError", texts.of(ex));
		}
		return "login-reset";
	}

}
