package org.listserv.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.listserv.shared.Languages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** The layout's model ({@link LayoutModel}) on every page a controller renders. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

	private final Languages languages;

	LayoutModelAdvice(Languages languages) {
		this.languages = languages;
	}

	/**
	 * The language switcher of public pages: this page in each offered language. (Which one is current is
	 * known only when the page renders: the controller may tell {@link PageLanguage} the member's.)
	 */
	@ModelAttribute("languageChoices")
	List<LanguageChoice> languageChoices(HttpServletRequest request) {
		String here = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		return languages.supported().stream()
			.map(l -> new LanguageChoice(l.toLanguageTag(), Languages.nameOf(l),
					UriComponentsBuilder.fromUriString(here)
						.replaceQueryParam(LanguageResolver.PARAMETER, l.toLanguageTag())
						.build()
						.toUriString()))
			.toList();
	}

	@ModelAttribute("currentUser")
	String currentUser() {
		return LayoutModel.currentUser();
	}

	@ModelAttribute("isAdmin")
	boolean isAdmin() {
		return LayoutModel.isAdmin();
	}

}
