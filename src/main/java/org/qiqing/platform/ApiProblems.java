package org.qiqing.platform;

import java.net.URI;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an API call into an RFC 9457 problem detail; never a stack
 * trace. Bad input names each field it concerns in {@code errors}. What never reaches a
 * controller (an unknown path, a wrong Content-Type) is answered by
 * {@link ErrorResponses}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	static final String TYPE_BASE = "https://qiqing.org/problems/";

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", words(ex.text(), ex));
	}

	@ExceptionHandler(NotAllowed.class)
	ProblemDetail notAllowed(NotAllowed ex) {
		return problem(HttpStatus.CONFLICT, "step-not-allowed", words(ex.text(), ex));
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
		return invalidInput(ex, this::words);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail violated(ConstraintViolationException ex) {
		Map<String, String> errors = new TreeMap<>();
		for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			String path = violation.getPropertyPath().toString();
			errors.putIfAbsent(path.substring(path.lastIndexOf('.') + 1), violation.getMessage());
		}
		return invalidInput(errors);
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
		return ResponseEntity.badRequest().body(invalidInput(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = new TreeMap<>();
		ex.getParameterValidationResults()
			.forEach(result -> errors.putIfAbsent(result.getMethodParameter().getParameterName(),
					result.getResolvableErrors()
						.stream()
						.map(MessageSourceResolvable::getDefaultMessage)
						.collect(Collectors.joining("; "))));
		return ResponseEntity.badRequest().body(invalidInput(errors));
	}

	/**
	 * A query parameter or path variable of the wrong type: named, with what it takes.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
		return ResponseEntity.badRequest()
			.body(invalidInput(Map.of(field, field + " " + expected(ex.getRequiredType()))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(invalidInput(Map.of(ex.getParameterName(), ex.getParameterName() + " is required")));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(invalidInput(Map.of(ex.getRequestPartName(), ex.getRequestPartName() + " is required")));
	}

	/**
	 * A body that is not JSON, or a field of the wrong type or an unknown value of a list
	 * of codes: the field is named by its path ({@code difficulties[1].categoryId}).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = path(mismatch);
			String reason = NulCharacters.REASON.equals(mismatch.getOriginalMessage()) ? NulCharacters.REASON
					: expected(mismatch.getTargetType());
			return ResponseEntity.badRequest().body(invalidInput(Map.of(field, field + " " + reason)));
		}
		String reason = ex.getCause() instanceof JacksonException json
				? "is not valid JSON: " + json.getOriginalMessage() : "is missing or cannot be read";
		return ResponseEntity.badRequest().body(invalidInput(Map.of("body", "the body " + reason)));
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "the upload is larger than allowed"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DatabaseOutage.causes(ex)) {
			logger.warn("the database is unavailable: " + ex);
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
				.body(unavailable());
		}
		logger.error("unexpected failure of an API call", ex);
		return ResponseEntity.internalServerError()
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "an unexpected error occurred; it was logged"));
	}

	/** Spring's own problems (a missing header, a wrong Accept) get a type as ours do. */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setType(URI.create(TYPE_BASE + type(statusCode)));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	/** The type of a problem of a status that says no more than its status. */
	static String type(HttpStatusCode code) {
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == null) {
			return code.is5xxServerError() ? "internal" : "refused";
		}
		return switch (status) {
			case BAD_REQUEST -> "invalid-input";
			case UNAUTHORIZED -> "unauthorized";
			case FORBIDDEN -> "forbidden";
			case NOT_FOUND -> "not-found";
			case METHOD_NOT_ALLOWED -> "method-not-allowed";
			case NOT_ACCEPTABLE -> "not-acceptable";
			case CONTENT_TOO_LARGE -> "too-large";
			case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
			case SERVICE_UNAVAILABLE -> "unavailable";
			default -> status.is5xxServerError() ? "internal" : "refused";
		};
	}

	static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		return problem;
	}

	static ProblemDetail invalidInput(Map<String, String> errors) {
		return invalidInput(errors.size() == 1 ? errors.values().iterator().next() : "some fields are invalid", errors);
	}

	/** Bad input, each reason put into words in the reader's language. */
	static ProblemDetail invalidInput(InvalidInput ex, Function<Text, String> words) {
		Map<String, String> errors = ex.errors(words);
		return invalidInput(String.join("; ", errors.values()), errors);
	}

	static ProblemDetail invalidInput(String detail, Map<String, String> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", detail);
		problem.setProperty("errors", new TreeMap<>(errors));
		return problem;
	}

	static ProblemDetail unavailable() {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", DatabaseOutage.DETAIL);
	}

	/**
	 * A text in the language of the request (the app's locale resolver: Chinese, or
	 * English when chosen); an older exception's plain message as it is.
	 */
	private String words(Text text, RuntimeException ex) {
		return text == null ? ex.getMessage() : words(text);
	}

	private String words(Text text) {
		MessageSource messages = getMessageSource();
		Locale locale = LocaleContextHolder.getLocale();
		return messages == null ? Texts.resolve(text, locale) : text.resolve(messages, locale);
	}

	/** The path of a field in a JSON body: {@code a.b[2].c}. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	/** What a field of a type takes, said so that the caller can mend it. */
	private static String expected(Class<?> type) {
		if (type == null) {
			return "has the wrong type";
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.stream(type.getEnumConstants())
				.map(constant -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", "));
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "must be a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
			return "must be a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (type == java.time.LocalDate.class) {
			return "must be a date like 2026-12-31";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "must be a time like 2026-12-31T09:00:00+08:00";
		}
		if (type == String.class) {
			return "must be a text";
		}
		if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
			return "must be a list";
		}
		return "must be an object";
	}

}
