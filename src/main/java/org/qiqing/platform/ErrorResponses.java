package org.qiqing.platform;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers what reaches the servlet container's error page, in place of Spring Boot's own
 * error JSON: requests no controller took (an unknown path; a wrong method, Content-Type
 * or Accept; an upload or a body over its cap; a NUL in a parameter) and failures of
 * filters (the database unreachable while a token or an idempotency key is looked up).
 * Under {@code /api/} (and for the other callers that are programs) an RFC 9457 problem
 * detail, like every other API error; elsewhere the readable page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorResponses implements ErrorController {

	private final ErrorAttributes errors;

	private final JsonMapper json;

	private final MessageSource messages;

	ErrorResponses(ErrorAttributes errors, JsonMapper json, MessageSource messages) {
		this.errors = errors;
		this.json = json;
		this.messages = messages;
	}

	/**
	 * Refuses a request from a filter: the error page answers it with the failure, as it
	 * would one a controller threw (without the servlet container's logging it as a
	 * fault).
	 */
	static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			RuntimeException failure) throws IOException {
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
		response.sendError(status.value());
	}

	@RequestMapping
	ModelAndView showError(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Throwable failure = this.errors.getError(new ServletWebRequest(request));
		while (failure instanceof ServletException && failure.getCause() != null) {
			failure = failure.getCause();
		}
		boolean outage = DatabaseOutage.causes(failure);
		HttpStatus status = outage ? HttpStatus.SERVICE_UNAVAILABLE : status(request, failure);
		response.setStatus(status.value());
		if (outage) {
			DatabaseOutage.retryLater(response);
		}
		if (forMachines(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			this.json.writeValue(response.getOutputStream(), asMap(problem(failure, status, outage)));
			return null;
		}
		ModelAndView page = PageProblems.page(status, failure instanceof InvalidInput invalid
				? String.join("; ", invalid.errors(this::words).values()) : null);
		// The layout asks the database for the person's badges: not when it is down.
		page.addObject("me", null);
		return page;
	}

	/**
	 * The API, Actuator and the visit and inspection pages' device queues, which reads
	 * problem details; the rest are pages.
	 */
	private static boolean forMachines(Object uri) {
		return uri instanceof String path && (path.startsWith("/api/") || path.startsWith("/actuator/")
				|| path.startsWith("/visits/device/") || path.startsWith("/discipline/device/"));
	}

	private static HttpStatus status(HttpServletRequest request, Throwable failure) {
		if (failure instanceof ErrorResponse response) {
			return HttpStatus.valueOf(response.getStatusCode().value());
		}
		if (failure instanceof InvalidInput) {
			return HttpStatus.BAD_REQUEST;
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null || status.is2xxSuccessful() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	/** A text in the language of the request: Chinese, or English when chosen. */
	private String words(Text text) {
		return text.resolve(this.messages, LocaleContextHolder.getLocale());
	}

	private ProblemDetail problem(Throwable failure, HttpStatus status, boolean outage) {
		if (outage) {
			return ApiProblems.unavailable();
		}
		if (failure instanceof InvalidInput invalid) {
			return ApiProblems.invalidInput(invalid, this::words);
		}
		if (failure instanceof ErrorResponse response) {
			ProblemDetail body = response.getBody();
			if (body.getType() == null || URI.create("about:blank").equals(body.getType())) {
				body.setType(URI.create(ApiProblems.TYPE_BASE + ApiProblems.type(status)));
			}
			return body;
		}
		return ApiProblems.problem(status, ApiProblems.type(status), switch (status) {
			case NOT_FOUND -> words(Text.of("error.api.noPath"));
			case INTERNAL_SERVER_ERROR -> words(Text.of("error.internal"));
			default -> status.getReasonPhrase();
		});
	}

	/** The problem's members as RFC 9457 writes them, its extensions among them. */
	private static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("type", String.valueOf(problem.getType()));
		members.put("title", problem.getTitle());
		members.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			members.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			members.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			members.putAll(problem.getProperties());
		}
		return members;
	}

}
