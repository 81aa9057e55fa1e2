package org.qiqing.discipline;

import java.io.IOException;
import java.io.OutputStream;
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
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.Paging;
import org.qiqing.platform.Text;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The four figures of discipline work (actions, units inspected, problems found, people
 * held accountable), counted from the records within the person's jurisdiction (the one
 * rule, {@link CaseScope#figures}) and his groups' actions. Whoever does not play a
 * discipline role counts an unannounced inspection and its findings only once they are
 * issued; an enterprise contact counts nothing.
 * <p>
 * An action counts in the period it starts in; an inspection (a unit inspected, 家次: a
 * unit inspected by two actions counts twice) and its findings on the day of the
 * inspection; a person held accountable on the day of the decision.
 */
@Service
@Transactional(readOnly = true)
public class DisciplineFigures {

	private static final String MEMBER = """
			exists (select 1 from supervision_group sg join supervision_group_member sm on sm.group_id = sg.id
			        where sg.action_id = %s and sm.person_id = :scopeMe)""";

	private static final String ACTIONS = "from special_action a where ("
			+ CaseScope.figures("a.region_path", "a.organiser_unit_id") + " or " + MEMBER.formatted("a.id") + ")";

	private static final String INSPECTIONS = "from inspection i join special_action a on a.id = i.action_id where ("
			+ CaseScope.figures("i.region_path", "i.unit_id") + " or " + MEMBER.formatted("i.action_id")
			+ ") and (:scopeDiscipline = 1 or i.mode = 'PLANNED' or i.issued_at is not null)";

	private static final String FINDINGS = "from finding f join inspection i on i.id = f.inspection_id"
			+ " join special_action a on a.id = i.action_id where (" + CaseScope.figures("i.region_path", "i.unit_id")
			+ " or " + MEMBER.formatted("i.action_id") + ") and (:scopeDiscipline = 1 or i.issued_at is not null)";

	private static final String PEOPLE = "from accountability r where r.subject = 'PERSON' and ("
			+ CaseScope.figures("r.region_path", "r.unit_id")
			+ " or (r.cause_type = 'FINDING' and exists (select 1 from finding rf join inspection ri on ri.id = rf.inspection_id"
			+ " where rf.id = r.cause_id and " + MEMBER.formatted("ri.action_id") + ")))";

	/** The four figures. */
	public record Figures(long actions, long inspections, long findings, long people) {
	}

	/** The figures of one month (yyyy-MM). */
	public record Month(String month, Figures figures) {
	}

	private final JdbcClient jdbc;

	private final DisciplineScope scope;

	private final DisciplineQueries queries;

	private final MessageSource messages;

	DisciplineFigures(JdbcClient jdbc, DisciplineScope scope, DisciplineQueries queries, MessageSource messages) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.queries = queries;
		this.messages = messages;
	}

	public Figures figures(DisciplineFilter filter, Actor actor) {
		requireOfficial(actor);
		DisciplineQueries.Narrowed n = this.queries.narrow(filter, actor);
		int discipline = this.scope.isDiscipline(actor) ? 1 : 0;
		return new Figures(count(ACTIONS, "a.starts_on", filter, n, discipline, false),
				count(INSPECTIONS, "i.inspected_on", filter, n, discipline, false),
				count(FINDINGS, "i.inspected_on", filter, n, discipline, false),
				count(PEOPLE, "r.decided_on", filter, n, discipline, true));
	}

	/** The figures month by month, for the months that have any. */
	public List<Month> byMonth(DisciplineFilter filter, Actor actor) {
		requireOfficial(actor);
		DisciplineQueries.Narrowed n = this.queries.narrow(filter, actor);
		int discipline = this.scope.isDiscipline(actor) ? 1 : 0;
		Map<String, long[]> months = new TreeMap<>();
		monthly(months, 0, ACTIONS, "a.starts_on", filter, n, discipline, false);
		monthly(months, 1, INSPECTIONS, "i.inspected_on", filter, n, discipline, false);
		monthly(months, 2, FINDINGS, "i.inspected_on", filter, n, discipline, false);
		monthly(months, 3, PEOPLE, "r.decided_on", filter, n, discipline, true);
		List<Month> result = new ArrayList<>();
		months.forEach((month, v) -> result.add(new Month(month, new Figures(v[0], v[1], v[2], v[3]))));
		return result;
	}

	private long count(String from, String day, DisciplineFilter filter, DisciplineQueries.Narrowed n, int discipline,
			boolean decisions) {
		return spec("select count(*) " + from + where(day, filter, decisions), filter, n, discipline).query(Long.class)
			.single();
	}

	private void monthly(Map<String, long[]> months, int index, String from, String day, DisciplineFilter filter,
			DisciplineQueries.Narrowed n, int discipline, boolean decisions) {
		spec("select extract(year from " + day + ") as y, extract(month from " + day + ") as m, count(*) as n " + from
				+ where(day, filter, decisions) + " group by extract(year from " + day + "), extract(month from " + day
				+ ")", filter, n, discipline)
			.query((rs, i) -> {
				String month = "%04d-%02d".formatted(rs.getInt("y"), rs.getInt("m"));
				months.computeIfAbsent(month, m -> new long[4])[index] = rs.getLong("n");
				return month;
			})
			.list();
	}

	private static String where(String day, DisciplineFilter filter, boolean decisions) {
		return DisciplineQueries.periodOf(day, filter) + (decisions ? DisciplineQueries.organiserOfDecision(filter)
				: DisciplineQueries.organiserOf("a", filter));
	}

	private StatementSpec spec(String sql, DisciplineFilter filter, DisciplineQueries.Narrowed n, int discipline) {
		return DisciplineQueries.params(DisciplineQueries.bind(this.jdbc.sql(sql), n), filter)
			.param("scopeDiscipline", discipline);
	}

	private static void requireOfficial(Actor actor) {
		if (actor.isEnterpriseContact()) {
			throw new AccessDeniedException("discipline roles only");
		}
	}

	/**
	 * Writes the figures, month by month, and the findings one sees (the ledger) as an
	 * .xlsx streamed a window of rows at a time.
	 */
	public void export(DisciplineFilter filter, Actor actor, Locale locale, OutputStream out) throws IOException {
		Figures total = figures(filter, actor);
		List<Month> months = byMonth(filter, actor);
		SXSSFWorkbook book = new SXSSFWorkbook(200);
		try {
			Sheet sheet = book.createSheet(word("discipline.figures", locale));
			header(sheet.createRow(0), word("discipline.month", locale), word("discipline.figure.actions", locale),
					word("discipline.figure.inspections", locale), word("discipline.figure.findings", locale),
					word("discipline.figure.people", locale));
			int r = 1;
			for (Month month : months) {
				figuresRow(sheet.createRow(r++), month.month(), month.figures());
			}
			figuresRow(sheet.createRow(r), word("discipline.total", locale), total);
			Sheet ledger = book.createSheet(word("discipline.findings", locale));
			header(ledger.createRow(0), word("discipline.inspectedOn", locale), word("discipline.unit", locale),
					word("discipline.kind", locale), word("discipline.what", locale), word("discipline.place", locale),
					word("discipline.rectification", locale));
			Map<String, String> kindNames = new TreeMap<>();
			this.queries.kinds().forEach(k -> kindNames.put(k.code(), k.nameIn(locale)));
			int row = 1;
			int page = 0;
			while (true) {
				List<Views.Finding> findings = this.queries.findings(filter, Paging.of(page, 1000, 1000), actor);
				for (Views.Finding f : findings) {
					Row line = ledger.createRow(row++);
					line.createCell(0).setCellValue(String.valueOf(f.inspectedOn()));
					line.createCell(1).setCellValue(f.unitName());
					line.createCell(2).setCellValue(kindNames.getOrDefault(f.kindCode(), f.kindCode()));
					line.createCell(3).setCellValue(f.what());
					line.createCell(4).setCellValue(f.place() == null ? "" : f.place());
					line.createCell(5).setCellValue(f.rectificationId() == null ? "" : f.rectificationId().toString());
				}
				if (findings.size() < 1000) {
					break;
				}
				page++;
			}
			book.write(out);
		}
		finally {
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
