package org.listserv.web;

import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A controller found the database unreachable: 503 with {@code Retry-After}, a problem detail under
 * {@code /api/}, the error page elsewhere. First of all advice, so that no catch-all turns it into a 500;
 * Spring also matches these types among an exception's causes.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageAdvice {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageAdvice.class);

	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			TransientDataAccessResourceException.class, SQLTransientConnectionException.class,
			SQLNonTransientConnectionException.class })
	ModelAndView unavailable(Exception ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		if (DatabaseOutage.isApi(request)) {
			DatabaseOutage.writeProblem(response);
			return null;
		}
		response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
		return DatabaseOutage.page();
	}

}
