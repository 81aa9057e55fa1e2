package org.qiqing.platform;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an API call into an RFC 9457 problem detail; never a stack
 * trace.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	static final String TYPE_BASE = "https://qiqing.org/problems/";

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
	}

	@ExceptionHandler(NotAllowed.class)
	ProblemDetail notAllowed(NotAllowed ex) {
		return problem(HttpStatus.CONFLICT, "step-not-allowed", ex.getMessage());
	}

	@ExceptionHandler(StaleVersion.class)
	ProblemDetail stale(StaleVersion ex) {
		return problem(HttpStatus.PRECONDITION_FAILED, "stale-version", ex.getMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail raced(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.PRECONDITION_FAILED, "stale-version", new StaleVersion().getMessage());
	}

	@ExceptionHandler(InvalidInput.class)
	ProblemDetail invalid(InvalidInput ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", ex.getMessage());
		problem.setProperty("errors", new TreeMap<>(ex.errors()));
		return problem;
	}

	@ExceptionHandler(FileTooLarge.class)
	ProblemDetail fileTooLarge(FileTooLarge ex) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", ex.getMessage());
		problem.setProperty("errors", new TreeMap<>(ex.errors()));
		return problem;
	}

	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	ProblemDetail denied(Exception ex) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", "you may not do this");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = new TreeMap<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.putIfAbsent(error.getField(), error.getDefaultMessage());
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "some fields are invalid");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "the upload is larger than allowed"));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		logger.error("unexpected failure of an API call", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "an unexpected error occurred; it was logged");
	}

	static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		return problem;
	}

}
