package org.listserv.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page's layout needs: who is logged in (the account menu) and whether they may change settings
 * (the admin links). Pages get it through {@link LayoutModelAdvice}; error pages, which no model attribute
 * method reaches, through {@link #addTo}.
 */
final class LayoutModel {

	private LayoutModel() {
	}

	static String currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName()) ? auth.getName()
				: null;
	}

	static boolean isAdmin() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

	static ModelAndView addTo(ModelAndView mv) {
		mv.addObject("currentUser", currentUser());
		mv.addObject("isAdmin", isAdmin());
		return mv;
	}

}
