package org.qiqing.documents.web;

import java.nio.charset.StandardCharsets;

import org.qiqing.documents.CaseDocuments;
import org.qiqing.documents.DocumentFontMissing;
import org.qiqing.organisation.Actor;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The documents of a case on its pages: the list (linked from the case page and the
 * supervision desk) and each document as a PDF shown in the browser, to print.
 */
@Controller
class CaseDocumentController {

	static final String LIST = "documents/list";

	private final CaseDocuments documents;

	private final MessageSource messages;

	CaseDocumentController(CaseDocuments documents, MessageSource messages) {
		this.documents = documents;
		this.messages = messages;
	}

	@GetMapping("/cases/{id}/documents")
	String listDocuments(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("documents", this.documents.of(id, actor));
		model.addAttribute("caseId", id);
		return LIST;
	}

	@GetMapping("/cases/{id}/documents/{seq}.pdf")
	ResponseEntity<byte[]> showDocument(@PathVariable long id, @PathVariable int seq, Actor actor) {
		return pdf(this.documents.print(id, seq, actor));
	}

	/** No Chinese font on the server: a page that says so, 503, and no stack trace. */
	@ExceptionHandler(DocumentFontMissing.class)
	ModelAndView fontMissing(DocumentFontMissing ex) {
		ModelAndView page = new ModelAndView("error", HttpStatus.SERVICE_UNAVAILABLE);
		page.addObject("titleKey", "error.unavailable");
		page.addObject("detail", ex.text().resolve(this.messages, LocaleContextHolder.getLocale()));
		page.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
		return page;
	}

	/** A PDF shown in the browser (to print), named by its number, never kept. */
	static ResponseEntity<byte[]> pdf(CaseDocuments.Printed printed) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_PDF);
		headers.setContentDisposition(
				ContentDisposition.inline().filename(printed.filename(), StandardCharsets.UTF_8).build());
		headers.setCacheControl(CacheControl.noStore().cachePrivate());
		return new ResponseEntity<>(printed.pdf(), headers, HttpStatus.OK);
	}

}
