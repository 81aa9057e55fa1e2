package org.qiqing.documents.web;

import java.net.URI;
import java.util.List;

import org.qiqing.documents.CaseDocuments;
import org.qiqing.documents.DocumentFontMissing;
import org.qiqing.organisation.Actor;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The documents of a case in the API: the list, with each one's number, and each document
 * as {@code application/pdf}. Officials who may see the case; 404 for the rest.
 */
@RestController
@RequestMapping("/api/v1")
class CaseDocumentApiController {

	private final CaseDocuments documents;

	private final MessageSource messages;

	CaseDocumentApiController(CaseDocuments documents, MessageSource messages) {
		this.documents = documents;
		this.messages = messages;
	}

	@GetMapping("/cases/{id}/documents")
	List<CaseDocuments.Issued> listDocuments(@PathVariable long id, Actor actor) {
		return this.documents.of(id, actor);
	}

	@GetMapping(path = "/cases/{id}/documents/{seq}",
			produces = { MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<byte[]> showDocument(@PathVariable long id, @PathVariable int seq, Actor actor) {
		return CaseDocumentController.pdf(this.documents.print(id, seq, actor));
	}

	/** No Chinese font on the server: 503 with what to install, never a stack trace. */
	@ExceptionHandler(DocumentFontMissing.class)
	ResponseEntity<ProblemDetail> fontMissing(DocumentFontMissing ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				ex.text().resolve(this.messages, LocaleContextHolder.getLocale()));
		problem.setType(URI.create("https://qiqing.org/problems/document-font-missing"));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
