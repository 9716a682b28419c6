package org.listserv.web;

import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.PayloadTooLargeException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Errors on HTML pages as a plain page that says what went wrong, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

	@ExceptionHandler
	ModelAndView notFound(NotFoundException ex) {
		return page(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView conflict(ConflictException ex) {
		return page(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView invalid(InvalidInputException ex) {
		return page(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView clash(org.springframework.dao.DataIntegrityViolationException ex) {
		return page(HttpStatus.CONFLICT, "This clashed with another change made at the same moment. Please try again.");
	}

	@ExceptionHandler
	ModelAndView tooLarge(PayloadTooLargeException ex) {
		return page(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage());
	}

	private static ModelAndView page(HttpStatus status, String message) {
		ModelAndView mv = new ModelAndView("error");
		mv.setStatus(status);
		mv.addObject("status", status.value());
		mv.addObject("error", status.getReasonPhrase());
		mv.addObject("message", message);
		return LayoutModel.addTo(mv);
	}

}
