package org.listserv.web;

import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.PayloadTooLargeException;
import org.listserv.shared.Texts;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Errors on HTML pages as a plain page that says what went wrong (in the page's language), never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

	private final Texts texts;

	PageErrorAdvice(Texts texts) {
		this.texts = texts;
	}

	@ExceptionHandler
	ModelAndView notFound(NotFoundException ex) {
		return page(HttpStatus.NOT_FOUND, texts.of(ex));
	}

	@ExceptionHandler
	ModelAndView conflict(ConflictException ex) {
		return page(HttpStatus.CONFLICT, texts.of(ex));
	}

	@ExceptionHandler
	ModelAndView invalid(InvalidInputException ex) {
		return page(HttpStatus.BAD_REQUEST, texts.of(ex));
	}

	@ExceptionHandler
	ModelAndView clash(org.springframework.dao.DataIntegrityViolationException ex) {
		return page(HttpStatus.CONFLICT, texts.get("web.error.clash"));
	}

	@ExceptionHandler
	ModelAndView tooLarge(PayloadTooLargeException ex) {
		return page(HttpStatus.PAYLOAD_TOO_LARGE, texts.of(ex));
	}

	private ModelAndView page(HttpStatus status, String message) {
		ModelAndView mv = new ModelAndView("error");
		mv.setStatus(status);
		mv.addObject("status", status.value());
		mv.addObject("error", status.getReasonPhrase());
		mv.addObject("message", message);
		return LayoutModel.addTo(mv);
	}

}
