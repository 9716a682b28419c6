package org.listserv.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.ModelAndView;

/**
 * PostgreSQL cannot be reached (refused, reset, pool timed out, shutting down): the answer is 503 with
 * {@code Retry-After} and a text that says so, as a problem detail for the API and an error page for pages,
 * wherever it happens: in a controller ({@link DatabaseOutageAdvice}), while a login looks the account up
 * ({@link SecurityConfiguration}), or anywhere else that ends on the error page (this resolver). How long a
 * request waits for a connection first is {@code spring.datasource.hikari.connection-timeout}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutage implements ErrorViewResolver {

	static final String DETAIL = "The database is unavailable at the moment, so nothing was read or changed. "
			+ "Please try again in a minute.";

	static final String RETRY_AFTER_SECONDS = "30";

	private static final String MARK = DatabaseOutage.class.getName();

	/** Whether {@code ex} or one of its causes says the database cannot be reached. */
	static boolean isCause(Throwable ex) {
		int depth = 0;
		for (Throwable t = ex; t != null && depth++ < 20; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof TransientDataAccessResourceException || t instanceof SQLTransientConnectionException
					|| t instanceof SQLNonTransientConnectionException) {
				return true;
			}
			// SQLSTATE class 08: connection exception; 57P01-57P03: the server is shutting down or starting
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
				return true;
			}
		}
		return false;
	}

	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	/** The API's answer: a problem detail. */
	static void writeProblem(HttpServletResponse res) throws IOException {
		res.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		res.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		res.setContentType("application/problem+json");
		res.setCharacterEncoding(StandardCharsets.UTF_8.name());
		res.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Database unavailable\",\"status\":503,\"detail\":\"" + DETAIL
					+ "\"}");
	}

	/** A page's answer from a filter: the error page, through the servlet container's error dispatch. */
	static void sendErrorPage(HttpServletRequest req, HttpServletResponse res) throws IOException {
		req.setAttribute(MARK, Boolean.TRUE);
		res.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		res.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
	}

	/** The error page for an outage, in a controller or outside one. */
	static ModelAndView page() {
		ModelAndView mv = new ModelAndView("error");
		mv.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
		mv.addObject("status", 503);
		mv.addObject("error", "Service unavailable");
		mv.addObject("message", null);
		mv.addObject("messageKey", "web.error.database");
		return LayoutModel.addTo(mv);
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		Object failure = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION);
		if (request.getAttribute(MARK) != null || (failure instanceof Throwable t && isCause(t))) {
			return page();
		}
		return null;
	}

}
