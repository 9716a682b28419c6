package org.listserv.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the way in (the home page itself is {@code home.HomePageController}). */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "redirect:/admin";
	}

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		if (session != null
				&& session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LoginThrottledException ex) {
			model.addAttribute("retryAfter", ex.retryAfterSeconds());
		}
		return "login";
	}

}
