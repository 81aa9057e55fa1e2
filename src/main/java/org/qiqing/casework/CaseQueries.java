package org.qiqing.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists of cases, always within {@link CaseScope}.
 */
@Component
public class CaseQueries {

	/** A line of a list or queue. */
	public record CaseLine(long id, String number, CaseKind kind, Channel channel, CaseState state, String title,
			String enterpriseName, String leadUnitName, LocalDate dueDate, Instant updatedAt) {
	}

	public record Page(List<CaseLine> items, int page, int size, boolean hasNext) {
	}

	private static final String SELECT = """
			select c.id, c.number, c.kind, c.channel, c.state, c.title, e.name as enterprise_name,
			       u.name as lead_unit_name, c.due_date, c.updated_at
			from cases c
			left join enterprise e on e.id = c.enterprise_id
			left join unit u on u.id = c.lead_unit_id
			""";

	/**
	 * What waits for a person, per the workflows: the states in which each party he can
	 * play may act. Most urgent (earliest due) first, then most recently moved.
	 */
	private static final String QUEUE_CONDITION = """
			((:dispatcher and c.region_path like :scopePattern and c.state in (:dispatcherStates))
			 or (c.lead_unit_id = :scopeUnit and c.state in (:leadStates))
			 or (:handler and c.state in (:coStates) and exists
			     (select 1 from case_co_unit q_cu where q_cu.case_id = c.id and q_cu.unit_id = :scopeUnit))
			 or (c.enterprise_id = :scopeEnterprise and c.state in (:enterpriseStates)))""";

	private final JdbcClient jdbc;

	CaseQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean isVisible(long caseId, Actor actor) {
		return CaseScope
			.bind(this.jdbc.sql("select count(*) from cases c where c.id = :id and " + CaseScope.CONDITION), actor)
			.param("id", caseId)
			.query(Integer.class)
			.single() > 0;
	}

	public Page queue(Actor actor, int page, int size) {
		List<CaseLine> lines = CaseScope
			.bind(this.jdbc.sql(SELECT + " where " + CaseScope.CONDITION + " and " + QUEUE_CONDITION
					+ " order by c.due_date nulls last, c.updated_at desc, c.id desc" + " limit :limit offset :offset"),
					actor)
			.param("dispatcher", actor.has(Role.DISPATCHER))
			.param("handler", actor.has(Role.HANDLER))
			.param("dispatcherStates", statesWhereActs(Party.DISPATCHER))
			.param("leadStates", actor.has(Role.HANDLER) ? statesWhereActs(Party.LEAD_UNIT) : List.of("-"))
			.param("coStates", statesWhereActs(Party.CO_UNIT))
			.param("enterpriseStates", statesWhereActs(Party.ENTERPRISE))
			.param("limit", size + 1)
			.param("offset", page * size)
			.query(CaseLine.class)
			.list();
		return page(lines, page, size);
	}

	/** Every case the person may see, optionally of one state or matching a text. */
	public Page search(Actor actor, CaseState state, String text, int page, int size) {
		List<CaseLine> lines = CaseScope
			.bind(this.jdbc.sql(SELECT + " where " + CaseScope.CONDITION + " and (:state = '' or c.state = :state)"
					+ " and (:text = '' or c.number = :text or c.title like :pattern or e.name like :pattern)"
					+ " order by c.updated_at desc, c.id desc limit :limit offset :offset"), actor)
			.param("state", state == null ? "" : state.name())
			.param("text", text == null ? "" : text.trim())
			.param("pattern", "%" + (text == null ? "" : text.trim()) + "%")
			.param("limit", size + 1)
			.param("offset", page * size)
			.query(CaseLine.class)
			.list();
		return page(lines, page, size);
	}

	private static Page page(List<CaseLine> lines, int page, int size) {
		boolean hasNext = lines.size() > size;
		return new Page(hasNext ? lines.subList(0, size) : lines, page, size, hasNext);
	}

	private static List<String> statesWhereActs(Party party) {
		Set<CaseState> states = EnumSet.noneOf(CaseState.class);
		for (CaseKind kind : CaseKind.values()) {
			kind.workflow()
				.transitions()
				.stream()
				.filter(t -> t.by().contains(party))
				.forEach(t -> states.addAll(t.from()));
		}
		return states.stream().map(Enum::name).toList();
	}

}
