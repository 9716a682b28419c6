package org.listserv.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the way in. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "redirect:/admin/lists";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
