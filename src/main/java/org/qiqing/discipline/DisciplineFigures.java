package org.qiqing.discipline;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.qiqing.casework.CaseScope;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Jurisdiction;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.Paging;
import org.qiqing.platform.QueryPlans;
import org.qiqing.platform.Text;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The four figures of discipline work (actions, units inspected, problems found, people
 * held accountable) within the person's jurisdiction (the one rule,
 * {@link CaseScope#figures}) and his groups' actions. Whoever does not play a discipline
 * role counts an unannounced inspection and its findings only once they are issued; an
 * enterprise contact counts nothing.
 * <p>
 * An action counts in the period it starts in; an inspection (a unit inspected, 家次: a
 * unit inspected by two actions counts twice) and its findings on the day of the
 * inspection, once that day has come (a planned inspection scheduled ahead is not yet
 * counted; a cancelled one never is); a person held accountable on the day of the
 * decision.
 * <p>
 * The whole months of the period are read from the counts kept by month
 * ({@link DisciplineTally}, V55) under the jurisdiction rule, plus what a member of
 * supervision groups sees beyond his jurisdiction, counted from the records of his
 * actions whose coverage lies outside it (none for an inspector whose jurisdiction holds
 * his actions). The counts kept hold an inspection from the moment it is recorded, on its
 * day (moved with it, taken back once cancelled): those scheduled after today are counted
 * from the records (a few, by day) and taken off. The days of a month the period holds
 * only in part are counted from the records. Both give what counting every record would
 * give ({@link #countedFromRecords}).
 */
@Service
@Transactional(readOnly = true)
public class DisciplineFigures {

	/**
	 * An inspection counts once made: its day has come and it is not cancelled (on
	 * {@code inspection i}).
	 */
	private static final String MADE = " and i.inspected_on <= :today and i.cancelled_at is null";

	/**
	 * The inspections within the jurisdiction that the counts kept by month hold but that
	 * are not yet made: scheduled after today, not cancelled (a cancelled one's count is
	 * taken back as it is cancelled).
	 */
	private static final String SCHEDULED = "from inspection i join special_action a on a.id = i.action_id where "
			+ CaseScope.figures("i.region_path", "i.unit_id")
			+ " and (:scopeDiscipline = 1 or i.mode = 'PLANNED' or i.issued_at is not null)"
			+ " and i.inspected_on > :today and i.cancelled_at is null";

	private static final String MEMBER = """
			exists (select 1 from supervision_group sg join supervision_group_member sm on sm.group_id = sg.id
			        where sg.action_id = %s and sm.person_id = :scopeMe)""";

	private static final String ACTIONS = "from special_action a where ("
			+ CaseScope.figures("a.region_path", "a.organiser_unit_id") + " or " + MEMBER.formatted("a.id") + ")";

	private static final String INSPECTIONS = "from inspection i join special_action a on a.id = i.action_id where ("
			+ CaseScope.figures("i.region_path", "i.unit_id") + " or " + MEMBER.formatted("i.action_id")
			+ ") and (:scopeDiscipline = 1 or i.mode = 'PLANNED' or i.issued_at is not null)" + MADE;

	private static final String FINDINGS = "from finding f join inspection i on i.id = f.inspection_id"
			+ " join special_action a on a.id = i.action_id where (" + CaseScope.figures("i.region_path", "i.unit_id")
			+ " or " + MEMBER.formatted("i.action_id") + ") and (:scopeDiscipline = 1 or i.issued_at is not null)";

	private static final String PEOPLE = "from accountability r where r.subject = 'PERSON' and ("
			+ CaseScope.figures("r.region_path", "r.unit_id")
			+ " or (r.cause_type = 'FINDING' and exists (select 1 from finding rf join inspection ri on ri.id = rf.inspection_id"
			+ " where rf.id = r.cause_id and " + MEMBER.formatted("ri.action_id") + ")))";

	/**
	 * The counts kept by month, within the jurisdiction ({@code inside} 1) and beyond it
	 * (0: for a member of groups, whether anything lies beyond it at all).
	 */
	private static final String TALLY = "select figure, month_no, inside, sum(n) from (select t.figure, t.month_no, case when "
			+ CaseScope.figures("t.region_path", "t.unit_id") + " then 1 else 0 end as inside, t.n"
			+ " from discipline_tally t where (:scopeDiscipline = 1 or t.visible = 1)"
			+ " and t.month_no >= :firstMonth and t.month_no <= :lastMonth";

	/** The actions of a member's groups, on {@code special_action a}. */
	private static final String MEMBERS_ACTION = """
			a.id in (select sg.action_id from supervision_group sg join supervision_group_member sm on sm.group_id = sg.id
			         where sm.person_id = :scopeMe)""";

	/** A member's actions outside his jurisdiction. */
	private static final String ACTIONS_BEYOND = "from special_action a where " + MEMBERS_ACTION + " and not "
			+ CaseScope.figures("a.region_path", "a.organiser_unit_id");

	/**
	 * The inspections of a member's actions outside his jurisdiction, read only from the
	 * actions whose coverage lies outside it.
	 */
	private static final String INSPECTIONS_BEYOND = "from special_action a join inspection i on i.action_id = a.id"
			+ " where " + MEMBERS_ACTION + " and not " + Jurisdiction.covers("a.coverage_path") + " and not "
			+ CaseScope.figures("i.region_path", "i.unit_id")
			+ " and (:scopeDiscipline = 1 or i.mode = 'PLANNED' or i.issued_at is not null)" + MADE;

	private static final String FINDINGS_BEYOND = "from special_action a join inspection i on i.action_id = a.id"
			+ " join finding f on f.inspection_id = i.id where " + MEMBERS_ACTION + " and not "
			+ Jurisdiction.covers("a.coverage_path") + " and not " + CaseScope.figures("i.region_path", "i.unit_id")
			+ " and (:scopeDiscipline = 1 or i.issued_at is not null)";

	/**
	 * Decisions caused by the findings of a member's actions, outside his jurisdiction.
	 */
	private static final String PEOPLE_BEYOND = "from accountability r where r.subject = 'PERSON' and r.cause_type = 'FINDING'"
			+ " and r.cause_id in (select f.id from special_action a join inspection i on i.action_id = a.id"
			+ " join finding f on f.inspection_id = i.id where " + MEMBERS_ACTION + ") and not "
			+ CaseScope.figures("r.region_path", "r.unit_id");

	private static final String[] BEYOND = { ACTIONS_BEYOND, INSPECTIONS_BEYOND, FINDINGS_BEYOND, PEOPLE_BEYOND };

	private static final String[] DAYS = { "a.starts_on", "i.inspected_on", "i.inspected_on", "r.decided_on" };

	private static final String[] FIGURES = { "A", "I", "F", "P" };

	/** The four figures. */
	public record Figures(long actions, long inspections, long findings, long people) {
	}

	/** The figures of one month (yyyy-MM). */
	public record Month(String month, Figures figures) {
	}

	/** The figures of the period and of each of its months that has any. */
	public record Report(Figures total, List<Month> months) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final DisciplineScope scope;

	private final DisciplineQueries queries;

	private final MessageSource messages;

	private final Clock clock;

	DisciplineFigures(JdbcClient jdbc, JdbcTemplate template, DisciplineScope scope, DisciplineQueries queries,
			MessageSource messages, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.template = template;
		this.scope = scope;
		this.queries = queries;
		this.messages = messages;
	}

	public Figures figures(DisciplineFilter filter, Actor actor) {
		return report(filter, actor).total();
	}

	/** The figures month by month, for the months that have any. */
	public List<Month> byMonth(DisciplineFilter filter, Actor actor) {
		return report(filter, actor).months();
	}

	/** The figures of the period and month by month, read once. */
	public Report report(DisciplineFilter filter, Actor actor) {
		this.scope.requireOfficial(actor);
		DisciplineQueries.Narrowed n = this.queries.narrow(filter, actor);
		int discipline = this.scope.isDiscipline(actor) ? 1 : 0;
		Split split = Split.of(filter.from(), filter.to());
		Map<Integer, long[]> months = new TreeMap<>();
		if (split.firstMonth() <= split.lastMonth()) {
			StatementSpec tally = this.jdbc
				.sql(TALLY + (filter.organiser() == null ? "" : " and t.organiser_unit_id = :organiser")
						+ ") x group by figure, month_no, inside");
			if (filter.organiser() != null) {
				tally = tally.param("organiser", filter.organiser());
			}
			boolean[] beyond = new boolean[4];
			DisciplineQueries.bind(tally, n)
				.param("scopeDiscipline", discipline)
				.param("firstMonth", split.firstMonth())
				.param("lastMonth", split.lastMonth())
				.query((rs, i) -> {
					int figure = index(rs.getString(1));
					if (rs.getInt(3) == 1) {
						months.computeIfAbsent(rs.getInt(2), m -> new long[4])[figure] += rs.getLong(4);
					}
					else if (rs.getLong(4) > 0) {
						beyond[figure] = true;
					}
					return figure;
				})
				.list();
			// The counts kept hold the inspections scheduled ahead from the day they are
			// scheduled: those not yet made are taken off (a few, by day).
			LocalDate today = today();
			if (split.lastMonth() >= Split.number(today)) {
				DisciplineFilter whole = new DisciplineFilter(split.firstDay(), split.lastDay(), filter.region(),
						filter.organiser());
				Map<Integer, long[]> scheduled = new TreeMap<>();
				monthly(scheduled, 1, SCHEDULED, "i.inspected_on", whole, n, discipline, false);
				scheduled.forEach((month, v) -> months.computeIfAbsent(month, m -> new long[4])[1] -= v[1]);
			}
			// What a member of groups sees beyond his jurisdiction, when anything of the
			// period lies beyond it: counted from the records of his actions.
			if (n.me() != -1 && (beyond[0] || beyond[1] || beyond[2] || beyond[3]) && this.scope.isMember(actor)) {
				QueryPlans.customForThisTransaction(this.template);
				DisciplineFilter whole = new DisciplineFilter(split.firstDay(), split.lastDay(), filter.region(),
						filter.organiser());
				for (int figure = 0; figure < 4; figure++) {
					if (beyond[figure]) {
						monthly(months, figure, BEYOND[figure], DAYS[figure], whole, n, discipline, figure == 3);
					}
				}
			}
		}
		for (LocalDate[] days : split.days()) {
			countFromRecords(months, new DisciplineFilter(days[0], days[1], filter.region(), filter.organiser()), n,
					discipline);
		}
		return report(months);
	}

	/**
	 * The same figures counted from every record of the period, as they were before V55
	 * kept counts: what {@link #report} must always equal.
	 */
	Report countedFromRecords(DisciplineFilter filter, Actor actor) {
		this.scope.requireOfficial(actor);
		DisciplineQueries.Narrowed n = this.queries.narrow(filter, actor);
		Map<Integer, long[]> months = new TreeMap<>();
		countFromRecords(months, filter, n, this.scope.isDiscipline(actor) ? 1 : 0);
		return report(months);
	}

	private void countFromRecords(Map<Integer, long[]> months, DisciplineFilter filter, DisciplineQueries.Narrowed n,
			int discipline) {
		monthly(months, 0, ACTIONS, "a.starts_on", filter, n, discipline, false);
		monthly(months, 1, INSPECTIONS, "i.inspected_on", filter, n, discipline, false);
		monthly(months, 2, FINDINGS, "i.inspected_on", filter, n, discipline, false);
		monthly(months, 3, PEOPLE, "r.decided_on", filter, n, discipline, true);
	}

	private static Report report(Map<Integer, long[]> months) {
		long[] total = new long[4];
		List<Month> result = new ArrayList<>();
		months.forEach((month, v) -> {
			if (v[0] + v[1] + v[2] + v[3] > 0) {
				result.add(new Month("%04d-%02d".formatted(month / 12, month % 12 + 1),
						new Figures(v[0], v[1], v[2], v[3])));
				for (int i = 0; i < 4; i++) {
					total[i] += v[i];
				}
			}
		});
		return new Report(new Figures(total[0], total[1], total[2], total[3]), result);
	}

	private static int index(String figure) {
		for (int i = 0; i < FIGURES.length; i++) {
			if (FIGURES[i].equals(figure)) {
				return i;
			}
		}
		throw new IllegalStateException("no such figure: " + figure);
	}

	private void monthly(Map<Integer, long[]> months, int index, String from, String day, DisciplineFilter filter,
			DisciplineQueries.Narrowed n, int discipline, boolean decisions) {
		spec("select extract(year from " + day + ") as y, extract(month from " + day + ") as m, count(*) as n " + from
				+ where(day, filter, decisions) + " group by extract(year from " + day + "), extract(month from " + day
				+ ")", filter, n, discipline)
			.query((rs,
					i) -> months.computeIfAbsent(rs.getInt("y") * 12 + rs.getInt("m") - 1,
							m -> new long[4])[index] += rs.getLong("n"))
			.list();
	}

	private static String where(String day, DisciplineFilter filter, boolean decisions) {
		return DisciplineQueries.periodOf(day, filter) + (decisions ? DisciplineQueries.organiserOfDecision(filter)
				: DisciplineQueries.organiserOf("a", filter));
	}

	private StatementSpec spec(String sql, DisciplineFilter filter, DisciplineQueries.Narrowed n, int discipline) {
		return DisciplineQueries.params(DisciplineQueries.bind(this.jdbc.sql(sql), n), filter)
			.param("scopeDiscipline", discipline)
			.param("today", today());
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(org.qiqing.platform.PlatformClock.CHINA));
	}

	/**
	 * A period as the months it wholly holds (by month number, year * 12 + month - 1;
	 * open ends as the smallest and largest) and the days of the months it holds in part.
	 */
	record Split(int firstMonth, int lastMonth, List<LocalDate[]> days) {

		static Split of(LocalDate from, LocalDate to) {
			int first = from == null ? Integer.MIN_VALUE : number(from) + (from.getDayOfMonth() == 1 ? 0 : 1);
			int last = to == null ? Integer.MAX_VALUE : number(to) - (to.getDayOfMonth() == to.lengthOfMonth() ? 0 : 1);
			List<LocalDate[]> days = new ArrayList<>();
			if (first > last) {
				if (from != null && to != null && !to.isBefore(from)) {
					days.add(new LocalDate[] { from, to });
				}
			}
			else {
				if (from != null && from.getDayOfMonth() != 1) {
					days.add(new LocalDate[] { from, from.withDayOfMonth(from.lengthOfMonth()) });
				}
				if (to != null && to.getDayOfMonth() != to.lengthOfMonth()) {
					days.add(new LocalDate[] { to.withDayOfMonth(1), to });
				}
			}
			return new Split(first, last, days);
		}

		static int number(LocalDate day) {
			return day.getYear() * 12 + day.getMonthValue() - 1;
		}

		/** The first day of the whole months, null when open. */
		LocalDate firstDay() {
			return this.firstMonth == Integer.MIN_VALUE ? null
					: LocalDate.of(this.firstMonth / 12, this.firstMonth % 12 + 1, 1);
		}

		LocalDate lastDay() {
			if (this.lastMonth == Integer.MAX_VALUE) {
				return null;
			}
			LocalDate first = LocalDate.of(this.lastMonth / 12, this.lastMonth % 12 + 1, 1);
			return first.withDayOfMonth(first.lengthOfMonth());
		}

	}

	/**
	 * Writes the figures, month by month, and the findings one sees (the ledger) as an
	 * .xlsx streamed a window of rows at a time.
	 */
	public void export(DisciplineFilter filter, Actor actor, Locale locale, OutputStream out) throws IOException {
		Report report = report(filter, actor);
		SXSSFWorkbook book = new SXSSFWorkbook(200);
		try {
			Sheet sheet = book.createSheet(word("discipline.figures", locale));
			header(sheet.createRow(0), word("discipline.month", locale), word("discipline.figure.actions", locale),
					word("discipline.figure.inspections", locale), word("discipline.figure.findings", locale),
					word("discipline.figure.people", locale));
			int r = 1;
			for (Month month : report.months()) {
				figuresRow(sheet.createRow(r++), month.month(), month.figures());
			}
			figuresRow(sheet.createRow(r), word("discipline.total", locale), report.total());
			Sheet ledger = book.createSheet(word("discipline.findings", locale));
			header(ledger.createRow(0), word("discipline.inspectedOn", locale), word("discipline.unit", locale),
					word("discipline.kind", locale), word("discipline.what", locale), word("discipline.place", locale),
					word("discipline.rectification", locale));
			Map<String, String> kindNames = new TreeMap<>();
			this.queries.kinds().forEach(k -> kindNames.put(k.code(), k.nameIn(locale)));
			int[] row = { 1 };
			this.queries.eachFinding(filter, actor, findings -> {
				for (Views.Finding f : findings) {
					Row line = ledger.createRow(row[0]++);
					line.createCell(0).setCellValue(String.valueOf(f.inspectedOn()));
					line.createCell(1).setCellValue(f.unitName());
					line.createCell(2).setCellValue(kindNames.getOrDefault(f.kindCode(), f.kindCode()));
					line.createCell(3).setCellValue(f.what());
					line.createCell(4).setCellValue(f.place() == null ? "" : f.place());
					line.createCell(5).setCellValue(f.rectificationId() == null ? "" : f.rectificationId().toString());
				}
			});
			book.write(out);
		}
		finally {
			// Its temporary files too, as platform.Ledger does: close alone leaves them.
			book.dispose();
			book.close();
		}
	}

	private static void header(Row row, String... words) {
		for (int i = 0; i < words.length; i++) {
			row.createCell(i).setCellValue(words[i]);
		}
	}

	private static void figuresRow(Row row, String label, Figures f) {
		row.createCell(0).setCellValue(label);
		row.createCell(1).setCellValue(f.actions());
		row.createCell(2).setCellValue(f.inspections());
		row.createCell(3).setCellValue(f.findings());
		row.createCell(4).setCellValue(f.people());
	}

	private String word(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	/** Today, for pages that default to the year so far. */
	static LocalDate startOfYear(LocalDate today) {
		return today.withDayOfYear(1);
	}

}
