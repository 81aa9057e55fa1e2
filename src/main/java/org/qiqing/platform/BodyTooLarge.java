package org.qiqing.platform;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request body longer than the cap on bodies that are not multipart uploads (413).
 */
class BodyTooLarge extends ErrorResponseException {

	BodyTooLarge(long max) {
		super(HttpStatus.CONTENT_TOO_LARGE, body(max), null);
	}

	private static ProblemDetail body(long max) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"the body is larger than the " + max + " bytes allowed (qiqing.api.max-json-body)");
		problem.setType(URI.create(ApiProblems.TYPE_BASE + "too-large"));
		return problem;
	}

}
