package org.qiqing.calendar.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.io.UncheckedIOException;

import org.qiqing.calendar.CalendarImportRefused;
import org.qiqing.calendar.CalendarManagement;
import org.qiqing.calendar.CalendarYear;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Text;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A year of the national calendar ({@code region} empty or absent) or of a region's
 * override. Every answer carries the calendar's version as {@code ETag}; a change sent
 * with {@code If-Match} is refused with 412 when the calendar changed since.
 */
@RestController
@RequestMapping("/api/v1/calendar/{year}")
class CalendarApiController {

	record DayRequest(String kind, String name) {
	}

	private final CalendarManagement calendars;

	CalendarApiController(CalendarManagement calendars) {
		this.calendars = calendars;
	}

	@GetMapping
	ResponseEntity<CalendarYear> showYear(@PathVariable String year, @RequestParam(defaultValue = "") String region,
			Actor actor) {
		return answer(this.calendars.show(CalendarManagement.year(year), region, actor));
	}

	/** Sets the day: a HOLIDAY, or a WORKDAY on a weekend, with its name. */
	@PutMapping(path = "/days/{date}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CalendarYear> putDay(@PathVariable String year, @PathVariable String date,
			@RequestParam(defaultValue = "") String region, @RequestBody DayRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
		return answer(this.calendars.putDay(CalendarManagement.year(year), date, request.kind(), request.name(), region,
				ifMatch, actor));
	}

	/** Gives the day back to its weekday (or to the calendar above). */
	@DeleteMapping("/days/{date}")
	ResponseEntity<CalendarYear> removeDay(@PathVariable String year, @PathVariable String date,
			@RequestParam(defaultValue = "") String region,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
		return answer(this.calendars.removeDay(CalendarManagement.year(year), date, region, ifMatch, actor));
	}

	/**
	 * Replaces the year's entries with those of a CSV, XLSX or iCalendar file, all or
	 * nothing.
	 */
	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<CalendarYear> importYear(@PathVariable String year, @RequestParam(defaultValue = "") String region,
			@RequestParam(required = false) MultipartFile file,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
		int checked = CalendarManagement.year(year);
		if (file == null || file.isEmpty()) {
			throw new InvalidInput("file", Text.of("error.file.empty"));
		}
		try (InputStream content = file.getInputStream()) {
			return answer(
					this.calendars.importYear(checked, region, file.getOriginalFilename(), content, ifMatch, actor));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** 422, with every problem of the file by its line. */
	@ExceptionHandler(CalendarImportRefused.class)
	ProblemDetail refused(CalendarImportRefused ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setType(URI.create("https://qiqing.org/problems/calendar-import-refused"));
		problem.setTitle("The calendar file was refused");
		problem.setProperty("problems", ex.problems());
		return problem;
	}

	private static ResponseEntity<CalendarYear> answer(CalendarYear year) {
		return ResponseEntity.ok().eTag("\"" + year.version() + "\"").body(year);
	}

}
