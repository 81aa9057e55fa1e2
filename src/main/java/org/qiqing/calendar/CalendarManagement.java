package org.qiqing.calendar;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.qiqing.calendar.internal.CalendarDays;
import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditLog;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The administration of the working-day calendar, a year at a time: the national one,
 * kept by the administrators of a top-level region (the platform's own, e.g. 嘉兴市), and
 * each region's override, kept by the administrators whose jurisdiction holds the region.
 * Any administrator reads the national calendar.
 * <p>
 * A change applies at once on this node and within a minute on the others
 * ({@link WorkingCalendar} reloads), to the limits computed from then on: the due dates
 * of open cases are not recomputed.
 */
@Service
@Transactional
public class CalendarManagement {

	public static final int FIRST_YEAR = 2000;

	public static final int LAST_YEAR = 2100;

	private static final Logger log = LoggerFactory.getLogger(CalendarManagement.class);

	private final CalendarDays days;

	private final Regions regions;

	private final WorkingCalendar calendar;

	private final OfficeHours hours;

	private final AuditLog audit;

	CalendarManagement(CalendarDays days, Regions regions, WorkingCalendar calendar, OfficeHours hours,
			AuditLog audit) {
		this.days = days;
		this.regions = regions;
		this.calendar = calendar;
		this.hours = hours;
		this.audit = audit;
	}

	/** The calendar whose entries a person reads and may change. */
	private record Scope(String code, String name, boolean editable) {
	}

	/**
	 * A year as typed in a path or a form.
	 * @throws InvalidInput unless it is a year from {@value #FIRST_YEAR} to
	 * {@value #LAST_YEAR}
	 */
	public static int year(String text) {
		int year;
		try {
			year = Integer.parseInt(text == null ? "" : text.strip());
		}
		catch (NumberFormatException ex) {
			year = -1;
		}
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new InvalidInput("year", Text.of("error.calendar.year", FIRST_YEAR, LAST_YEAR));
		}
		return year;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public CalendarYear show(int year, String regionCode, Actor actor) {
		Scope scope = scope(regionCode, actor, false);
		return view(checked(year), scope);
	}

	/**
	 * Sets a day of a calendar, whatever it was.
	 * @param expectedVersion the version the change was made on, or null
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public CalendarYear putDay(int year, String date, String kind, String name, String regionCode,
			String expectedVersion, Actor actor) {
		Scope scope = scope(regionCode, actor, true);
		List<CalendarEntry> all = this.days.ofYear(checked(year));
		requireVersion(expectedVersion, all, scope);
		Map<String, Text> reasons = new LinkedHashMap<>();
		CalendarEntry entry = new DayCheck(year, scope.code(), above(all, scope.code()))
			.entry(new ProposedDay(0, date, kind, name), reasons);
		if (entry == null) {
			throw new InvalidInput(reasons);
		}
		this.days.put(entry);
		log.info("calendar '{}' {}: {} set {} {} {}", scope.code(), year, actor.username(), entry.day(), entry.kind(),
				entry.name());
		audited(actor, scope, year, "set " + entry.day() + " " + entry.kind());
		reloadAfterCommit();
		return view(year, scope);
	}

	@PreAuthorize("hasRole('ADMIN')")
	public CalendarYear removeDay(int year, String date, String regionCode, String expectedVersion, Actor actor) {
		Scope scope = scope(regionCode, actor, true);
		List<CalendarEntry> all = this.days.ofYear(checked(year));
		requireVersion(expectedVersion, all, scope);
		LocalDate day = date == null ? null : DayCheck.parse(date.strip());
		if (day == null || day.getYear() != year) {
			throw new InvalidInput("date", Text.of("error.calendar.dateOfYear", date, year));
		}
		if (!this.days.remove(scope.code(), day)) {
			throw new NotFound(Text.of("error.record.notFound", Text.of("record.calendarDay"), day));
		}
		log.info("calendar '{}' {}: {} removed {}", scope.code(), year, actor.username(), day);
		audited(actor, scope, year, "removed " + day);
		reloadAfterCommit();
		return view(year, scope);
	}

	/**
	 * Replaces a calendar's entries of a year with those of a file, all or nothing.
	 * @throws CalendarImportRefused naming every problem of the file; nothing changed
	 * @throws InvalidInput for a file of an unknown format
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public CalendarYear importYear(int year, String regionCode, String filename, InputStream content,
			String expectedVersion, Actor actor) {
		Scope scope = scope(regionCode, actor, true);
		List<CalendarEntry> all = this.days.ofYear(checked(year));
		requireVersion(expectedVersion, all, scope);
		CalendarFile.Read read = CalendarFile.read(filename, content);
		List<CalendarEntry> entries = new DayCheck(year, scope.code(), above(all, scope.code())).year(read.days(),
				read.problems());
		this.days.replaceYear(scope.code(), year, entries);
		log.info("calendar '{}' {}: {} imported {} days from {}", scope.code(), year, actor.username(), entries.size(),
				filename);
		audited(actor, scope, year, "imported " + entries.size() + " days");
		reloadAfterCommit();
		return view(year, scope);
	}

	/**
	 * The target is the year of a calendar: {@code 2026} nationally, {@code 330421/2026}.
	 */
	private void audited(Actor actor, Scope scope, int year, String change) {
		this.audit.record(actor, AuditAction.ADMINISTRATION_CHANGED, "calendar",
				scope.code().isEmpty() ? Integer.toString(year) : scope.code() + "/" + year, change);
	}

	private static int checked(int year) {
		return year(Integer.toString(year));
	}

	private Scope scope(String regionCode, Actor actor, boolean toChange) {
		String code = regionCode == null ? "" : regionCode.strip();
		if (code.isEmpty()) {
			boolean top = actor.overseesTopRegion();
			if (toChange && !top) {
				throw new AccessDeniedException(
						"the national calendar is kept by the administrators of a top-level region");
			}
			return new Scope("", "", top);
		}
		Region region = this.regions.find(code)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.region"), code)));
		if (!actor.oversees(region.path())) {
			throw new AccessDeniedException("region " + code + " is outside your jurisdiction");
		}
		return new Scope(code, region.name(), true);
	}

	private void requireVersion(String expected, List<CalendarEntry> all, Scope scope) {
		if (expected == null || expected.isBlank()) {
			return;
		}
		String value = expected.strip();
		value = (value.startsWith("W/") ? value.substring(2) : value).replace("\"", "");
		if (!value.equals(version(own(all, scope.code())))) {
			throw new StaleVersion();
		}
	}

	private CalendarYear view(int year, Scope scope) {
		List<CalendarEntry> all = this.days.ofYear(year);
		List<CalendarEntry> own = own(all, scope.code());
		Set<LocalDate> ownDays = own.stream().map(CalendarEntry::day).collect(Collectors.toSet());
		List<CalendarEntry> inherited = above(all, scope.code()).values()
			.stream()
			.filter(entry -> !ownDays.contains(entry.day()))
			.toList();
		Map<String, String> names = new HashMap<>();
		names.put("", "");
		names.put(scope.code(), scope.name());
		CalendarRules rules = new CalendarRules(all, this.hours);
		List<Integer> byMonth = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			LocalDate first = LocalDate.of(year, month, 1);
			byMonth.add(rules.workingDaysBetween(first.minusDays(1), first.plusMonths(1).minusDays(1), scope.code()));
		}
		return new CalendarYear(year, scope.code(), scope.name(), scope.editable(), days(own, names),
				days(inherited, names), byMonth.stream().mapToInt(Integer::intValue).sum(), List.copyOf(byMonth),
				version(own));
	}

	private List<CalendarYear.Day> days(List<CalendarEntry> entries, Map<String, String> names) {
		return entries.stream()
			.map(entry -> new CalendarYear.Day(entry.day(), entry.kind(), entry.name(), entry.regionCode(),
					names.computeIfAbsent(entry.regionCode(),
							code -> this.regions.find(code).map(Region::name).orElse(code))))
			.toList();
	}

	private static List<CalendarEntry> own(List<CalendarEntry> all, String code) {
		return all.stream().filter(entry -> entry.regionCode().equals(code)).toList();
	}

	/**
	 * The entries of the calendars above a region's, the most specific for each day, as
	 * {@link CalendarRules} applies them.
	 */
	private static Map<LocalDate, CalendarEntry> above(List<CalendarEntry> all, String code) {
		Map<LocalDate, CalendarEntry> above = new TreeMap<>();
		all.stream()
			.filter(entry -> !entry.regionCode().equals(code)
					&& code.startsWith(CalendarRules.prefixOf(entry.regionCode())))
			.sorted(Comparator.comparing(entry -> CalendarRules.prefixOf(entry.regionCode()).length()))
			.forEach(entry -> above.put(entry.day(), entry));
		return above;
	}

	/** A digest of the entries, which any change of them changes. */
	static String version(List<CalendarEntry> own) {
		StringBuilder text = new StringBuilder();
		own.stream()
			.sorted(Comparator.comparing(CalendarEntry::day))
			.forEach(entry -> text.append(entry.day())
				.append(' ')
				.append(entry.kind())
				.append(' ')
				.append(entry.name())
				.append('\n'));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Has this node read the calendar again once the change is committed; the others read
	 * it within a minute.
	 */
	private void reloadAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					CalendarManagement.this.calendar.reload();
				}
			});
		}
		else {
			this.calendar.reload();
		}
	}

}
