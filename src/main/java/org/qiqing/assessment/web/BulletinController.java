package org.qiqing.assessment.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.qiqing.assessment.AssessmentBulletin;
import org.qiqing.documents.DocumentFontMissing;
import org.qiqing.documents.DocumentRenderer;
import org.qiqing.documents.OfficialDocument;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.platform.PlatformClock;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The monthly assessment bulletin (考核通报) of a frozen month as a PDF to print: the
 * bulletin's words ({@link AssessmentBulletin}, within the reader's jurisdiction) set as
 * an official document by the documents module's renderer, issued in the name of the
 * reader's jurisdiction, with its 文号 and date: given the first time the bulletin of that
 * jurisdiction for the month is printed, and kept when it is printed again.
 */
@Controller
class BulletinController {

	/** The widths of the bulletin's columns: league, rank, name, score, movement. */
	private static final List<Integer> WIDTHS = List.of(3, 1, 4, 1, 1);

	private final AssessmentBulletin bulletin;

	private final DocumentRenderer renderer;

	private final Regions regions;

	private final MessageSource messages;

	BulletinController(AssessmentBulletin bulletin, DocumentRenderer renderer, Regions regions,
			MessageSource messages) {
		this.bulletin = bulletin;
		this.renderer = renderer;
		this.regions = regions;
		this.messages = messages;
	}

	@GetMapping("/assessment/bulletin.pdf")
	ResponseEntity<byte[]> printBulletin(@RequestParam(required = false) String month, Actor actor, Locale locale) {
		YearMonth chosen = Months.parse("month", month);
		AssessmentBulletin.Content content = this.bulletin.of(actor, chosen, locale);
		List<OfficialDocument.Block> body = new ArrayList<>();
		content.paragraphs().forEach(paragraph -> body.add(new OfficialDocument.Paragraph(paragraph)));
		body.add(new OfficialDocument.Table(content.rows().get(0), content.rows().subList(1, content.rows().size()),
				WIDTHS));
		LocalDate date = content.issuedOn() != null ? content.issuedOn() : LocalDate.now(PlatformClock.CHINA);
		byte[] pdf = this.renderer
			.render(new OfficialDocument(issuer(actor, locale), content.number(), content.title(), null, body, date));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_PDF);
		headers.setContentDisposition(
				ContentDisposition.inline().filename(content.title() + ".pdf", StandardCharsets.UTF_8).build());
		headers.setCacheControl(CacheControl.noStore().cachePrivate());
		return new ResponseEntity<>(pdf, headers, HttpStatus.OK);
	}

	/** The assessment office of the reader's jurisdiction (of his unit's region). */
	private String issuer(Actor actor, Locale locale) {
		String code = AssessmentBulletin.jurisdictionCode(actor);
		String name = code == null ? "" : this.regions.find(code).map(Region::name).orElse("");
		return this.messages.getMessage("assessment.bulletin.issuer", new Object[] { name }, locale);
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

}
