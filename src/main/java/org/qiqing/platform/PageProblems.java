package org.qiqing.platform;

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

	@ExceptionHandler(NotFound.class)
	ModelAndView notFound(NotFound ex) {
		return page(HttpStatus.NOT_FOUND, "error.notFound", ex.getMessage());
	}

	@ExceptionHandler(NotAllowed.class)
	ModelAndView notAllowed(NotAllowed ex) {
		return page(HttpStatus.CONFLICT, "error.notAllowed", ex.getMessage());
	}

	@ExceptionHandler({ StaleVersion.class, OptimisticLockingFailureException.class })
	ModelAndView stale(RuntimeException ex) {
		return page(HttpStatus.PRECONDITION_FAILED, "error.stale", ex.getMessage());
	}

	@ExceptionHandler(InvalidInput.class)
	ModelAndView invalid(InvalidInput ex) {
		return page(HttpStatus.BAD_REQUEST, "error.invalid", ex.getMessage());
	}

	@ExceptionHandler(FileTooLarge.class)
	ModelAndView tooLarge(FileTooLarge ex) {
		return page(HttpStatus.CONTENT_TOO_LARGE, "error.invalid", ex.getMessage());
	}

	private ModelAndView page(HttpStatus status, String titleKey, String detail) {
		ModelAndView page = new ModelAndView(VIEW, status);
		page.addObject("titleKey", titleKey);
		page.addObject("detail", detail);
		page.addObject("status", status.value());
		return page;
	}

}
