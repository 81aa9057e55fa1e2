package org.qiqing.calendar.web;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import org.qiqing.calendar.CalendarImportRefused;
import org.qiqing.calendar.CalendarManagement;
import org.qiqing.calendar.CalendarYear;
import org.qiqing.calendar.DayKind;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.RegionManagement;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Text;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The administrator's page of a calendar's year: twelve months that show the holidays and
 * the weekend days worked, a form to set or clear a day, and an import of a whole year.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CalendarPagesController {

	static final String CALENDAR = "admin/calendar";

	private final CalendarManagement calendars;

	private final RegionManagement regions;

	CalendarPagesController(CalendarManagement calendars, RegionManagement regions) {
		this.calendars = calendars;
		this.regions = regions;
	}

	/**
	 * @param day a day to put in the form (a click on the grid)
	 */
	@GetMapping("/admin/calendar")
	String showCalendar(@RequestParam(required = false) String year, @RequestParam(defaultValue = "") String region,
			@RequestParam(required = false) String day, Actor actor, Model model) {
		int shown = year == null || year.isBlank() ? LocalDate.now(CHINA).getYear() : CalendarManagement.year(year);
		CalendarYear calendar = this.calendars.show(shown, region, actor);
		model.addAttribute("calendar", calendar);
		model.addAttribute("months", MonthGrid.of(calendar));
		model.addAttribute("regions", this.regions.within(actor));
		model.addAttribute("kinds", DayKind.values());
		model.addAttribute("firstYear", CalendarManagement.FIRST_YEAR);
		model.addAttribute("lastYear", CalendarManagement.LAST_YEAR);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", formFor(calendar, day));
		}
		return CALENDAR;
	}

	/** What the form shows: the clicked day, with its own entry if it has one. */
	record DayForm(String date, String kind, String name) {
	}

	private static DayForm formFor(CalendarYear calendar, String day) {
		if (day == null) {
			return new DayForm("", DayKind.HOLIDAY.name(), "");
		}
		return calendar.days()
			.stream()
			.filter(entry -> entry.date().toString().equals(day))
			.findFirst()
			.map(entry -> new DayForm(day, entry.kind().name(), entry.name()))
			.orElse(new DayForm(day, DayKind.HOLIDAY.name(), ""));
	}

	@PostMapping("/admin/calendar/days")
	String saveDay(@RequestParam(required = false) String year, @RequestParam(defaultValue = "") String region,
			@RequestParam(required = false) String date, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String name, Actor actor, RedirectAttributes redirect) {
		try {
			this.calendars.putDay(CalendarManagement.year(year), date, kind, name, region, null, actor);
			redirect.addFlashAttribute("saved", date);
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			redirect.addFlashAttribute("form", new DayForm(date, kind, name));
		}
		return back(year, region);
	}

	@PostMapping("/admin/calendar/days/remove")
	String removeDay(@RequestParam(required = false) String year, @RequestParam(defaultValue = "") String region,
			@RequestParam(required = false) String date, Actor actor, RedirectAttributes redirect) {
		try {
			this.calendars.removeDay(CalendarManagement.year(year), date, region, null, actor);
			redirect.addFlashAttribute("removed", date);
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return back(year, region);
	}

	@PostMapping(path = "/admin/calendar/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String importYear(@RequestParam(required = false) String year, @RequestParam(defaultValue = "") String region,
			@RequestParam(required = false) MultipartFile file, Actor actor, RedirectAttributes redirect) {
		try {
			int checked = CalendarManagement.year(year);
			if (file == null || file.isEmpty()) {
				throw new InvalidInput("file", Text.of("error.file.empty"));
			}
			try (InputStream content = file.getInputStream()) {
				CalendarYear imported = this.calendars.importYear(checked, region, file.getOriginalFilename(), content,
						null, actor);
				redirect.addFlashAttribute("imported", imported.days().size());
			}
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		catch (CalendarImportRefused ex) {
			redirect.addFlashAttribute("refused", ex.problems());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return back(year, region);
	}

	private static String back(String year, String region) {
		return "redirect:" + UriComponentsBuilder.fromPath("/admin/calendar")
			.queryParam("year", year)
			.queryParam("region", region)
			.encode()
			.build()
			.toUriString();
	}

}
