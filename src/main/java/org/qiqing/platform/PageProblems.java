package org.qiqing.platform;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows a failed page request as a readable message in the layout, with the right status.
 */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

	static final String VIEW = "error";

	private final MessageSource messages;

	PageProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFound.class)
	ModelAndView notFound(NotFound ex) {
		return page(HttpStatus.NOT_FOUND, words(ex.text(), ex));
	}

	@ExceptionHandler(NotAllowed.class)
	ModelAndView notAllowed(NotAllowed ex) {
		return page(HttpStatus.CONFLICT, "error.notAllowed", words(ex.text(), ex));
	}

	@ExceptionHandler({ StaleVersion.class, OptimisticLockingFailureException.class })
	ModelAndView stale(RuntimeException ex) {
		return page(HttpStatus.PRECONDITION_FAILED, "error.stale", ex.getMessage());
	}

	@ExceptionHandler(InvalidInput.class)
	ModelAndView invalid(InvalidInput ex) {
		return page(HttpStatus.BAD_REQUEST, String.join("; ", ex.errors(this::words).values()));
	}

	@ExceptionHandler(FileTooLarge.class)
	ModelAndView fileTooLarge(FileTooLarge ex) {
		return page(HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge", ex.getMessage());
	}

	@ExceptionHandler(BodyTooLarge.class)
	ModelAndView tooLarge(BodyTooLarge ex) {
		return page(HttpStatus.CONTENT_TOO_LARGE, null);
	}

	/**
	 * The database unreachable: 503 and come back later; any other failure goes on to the
	 * error page as before.
	 */
	@ExceptionHandler(Exception.class)
	ModelAndView unavailable(Exception ex, HttpServletResponse response) throws Exception {
		if (!DatabaseOutage.causes(ex)) {
			throw ex;
		}
		DatabaseOutage.retryLater(response);
		return page(HttpStatus.SERVICE_UNAVAILABLE, null);
	}

	/**
	 * A text in the language of the request (the app's locale resolver: Chinese, or
	 * English when chosen); an older exception's plain message as it is.
	 */
	private String words(Text text, RuntimeException ex) {
		return text == null ? ex.getMessage() : words(text);
	}

	private String words(Text text) {
		return text.resolve(this.messages, LocaleContextHolder.getLocale());
	}

	/** The page of a status, titled by it. */
	static ModelAndView page(HttpStatus status, String detail) {
		String titleKey = switch (status) {
			case BAD_REQUEST -> "error.invalid";
			case FORBIDDEN -> "error.forbidden";
			case NOT_FOUND -> "error.notFound";
			case CONTENT_TOO_LARGE -> "error.tooLarge";
			case SERVICE_UNAVAILABLE -> "error.unavailable";
			default -> "error.generic";
		};
		return page(status, titleKey, detail);
	}

	private static ModelAndView page(HttpStatus status, String titleKey, String detail) {
		ModelAndView page = new ModelAndView(VIEW, status);
		page.addObject("titleKey", titleKey);
		page.addObject("detail", detail);
		page.addObject("status", status.value());
		return page;
	}

}
