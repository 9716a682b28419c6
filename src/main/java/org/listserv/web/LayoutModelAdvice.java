package org.listserv.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The layout's model ({@link LayoutModel}) on every page a controller renders. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

	@ModelAttribute("currentUser")
	String currentUser() {
		return LayoutModel.currentUser();
	}

	@ModelAttribute("isAdmin")
	boolean isAdmin() {
		return LayoutModel.isAdmin();
	}

}
