package org.listserv.web;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.PayloadTooLargeException;
import org.listserv.shared.Texts;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the JSON API as RFC 9457 problem details, each saying what was wrong and where. The detail of a
 * domain exception is its text in the request's language ({@code Accept-Language}, else the default); the
 * titles stay English, stable for scripts. The parser's own words after "not valid JSON" are Jackson's.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

	private final Texts texts;

	ApiProblemAdvice(Texts texts) {
		this.texts = texts;
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidInputException ex) {
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "Invalid input", texts.of(ex));
		pd.setProperty("field", ex.field());
		return pd;
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", texts.of(ex));
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, "Conflict", texts.of(ex));
	}

	@ExceptionHandler
	ProblemDetail tooLarge(PayloadTooLargeException ex) {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", texts.of(ex));
	}

	@ExceptionHandler
	ProblemDetail integrity(DataIntegrityViolationException ex) {
		log.info("Refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return problem(HttpStatus.CONFLICT, "Conflict",
				texts.get("web.api.error.conflict"));
	}

	/** Anything unexpected: logged with its stack trace, answered without it. */
	@ExceptionHandler
	ProblemDetail unexpected(RuntimeException ex) {
		if (ex instanceof org.springframework.security.access.AccessDeniedException
				|| ex instanceof org.springframework.security.core.AuthenticationException) {
			throw ex;
		}
		log.error("Unexpected error in an API request", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				texts.get("web.api.error.internal"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = texts.get("web.api.error.json");
		Throwable cause = ex.getMostSpecificCause();
		if (cause != null && cause != ex && cause.getMessage() != null) {
			detail += ": " + cause.getMessage().lines().findFirst().orElse("");
		}
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid input", detail));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var error = ex.getBindingResult().getFieldErrors().stream().findFirst();
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "Invalid input",
				error.map(e -> e.getField() + " " + e.getDefaultMessage()).orElse(texts.get("web.api.error.invalid")));
		error.ifPresent(e -> pd.setProperty("field", e.getField()));
		return ResponseEntity.badRequest().body(pd);
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
		pd.setTitle(title);
		pd.setType(URI.create("about:blank"));
		return pd;
	}

}
