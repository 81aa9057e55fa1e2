package org.qiqing.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.qiqing.organisation.Actor;
import org.qiqing.platform.QueryPlans;
import org.qiqing.platform.Rows;
import org.qiqing.platform.Tallies;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dispatch board (受理分拨台): the cases the service centre has to take up, a column per
 * state in which the dispatcher acts, each with its true count and its cards a page at a
 * time, most urgent first, always within {@link CaseScope}.
 */
@Component
@EnableConfigurationProperties(DeskSettings.class)
public class DispatchBoard {

	/** The board's columns, in the order work moves through them. */
	public static final List<CaseState> COLUMNS = List.of(CaseState.SUBMITTED, CaseState.ACCEPTED, CaseState.DISPUTED,
			CaseState.EXTENSION_REQUESTED);

	/**
	 * A card of the board.
	 *
	 * @param createdAt when the case was filed
	 * @param enteredAt when it came into the state of its column (null if its history
	 * does not say)
	 */
	public record Card(long id, String number, CaseKind kind, Priority priority, CaseState state, String title,
			String enterpriseName, TimeState timeState, Instant limitAt, String regionCode, Instant createdAt,
			Instant enteredAt) {

		/** Since when the case waits in its column: since filed for a new one. */
		public Instant waitingSince() {
			return this.state == CaseState.SUBMITTED || this.enteredAt == null ? this.createdAt : this.enteredAt;
		}

	}

	/**
	 * A column: its state, how many cases are in it, and one page of its cards.
	 *
	 * @param countedAt when the count was made (it may be up to
	 * {@link DeskSettings#countCache()} old)
	 */
	public record Column(CaseState state, long count, Instant countedAt, List<Card> cards, int page, int size,
			boolean hasNext) {
	}

	private record Counts(Map<CaseState, Long> byState, Instant at) {
	}

	/**
	 * The card's columns, read for the page's rows only: the time it entered its state is
	 * the latest step that moved it there (a step that keeps the state, a note, does not
	 * count).
	 */
	private static final String CARD = """
			select p.*, (select max(ev.at) from case_event ev where ev.case_id = p.id and ev.to_state = p.state
			                and (ev.from_state is null or ev.from_state <> ev.to_state)) as enteredAt
			from (select c.id, c.number, c.kind, c.priority, c.state, c.title, e.name as enterpriseName,
			             c.time_state as timeState, c.limit_at as limitAt, c.region_code as regionCode,
			             c.created_at as createdAt, c.updated_at
			      from cases c
			      left join enterprise e on e.id = c.enterprise_id
			      where c.state = '%s' and %s
			      order by c.limit_at nulls last, c.updated_at desc, c.id desc limit :limit offset :offset) p
			order by p.limitAt nulls last, p.updated_at desc, p.id desc""";

	private static final String STATES = COLUMNS.stream()
		.map(state -> "'" + state.name() + "'")
		.collect(Collectors.joining(", ", "(", ")"));

	private final JdbcClient jdbc;

	private final JdbcTemplate plans;

	private final Clock clock;

	private final Tallies<CaseScope.Key, Counts> counts;

	DispatchBoard(JdbcClient jdbc, JdbcTemplate plans, Clock clock, DeskSettings settings) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.clock = clock;
		this.counts = new Tallies<>("board", settings.countCache(), clock, this::count);
	}

	/** Every column with its first page. */
	@Transactional(readOnly = true)
	public List<Column> columns(Actor actor, int size) {
		return COLUMNS.stream().map(state -> column(actor, state, 0, size)).toList();
	}

	/**
	 * One page of a column, most urgent first (the nearest limit, then the most recently
	 * moved), with the column's count.
	 */
	@Transactional(readOnly = true)
	public Column column(Actor actor, CaseState state, int page, int size) {
		if (!COLUMNS.contains(state)) {
			throw new IllegalArgumentException(state + " is not a column of the board");
		}
		Counts counted = counts(actor);
		// The state is a constant of the code, written as a literal so that PostgreSQL
		// reads the column from the dispatcher's partial index (V10) in the order of the
		// page; the plan is the same for every dispatcher, so it is reused, as the
		// queue's.
		QueryPlans.genericForThisTransaction(this.plans);
		List<Card> cards = CaseScope.bind(this.jdbc.sql(CARD.formatted(state.name(), CaseScope.CONDITION)), actor)
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(Rows.of(Card.class))
			.list();
		boolean hasNext = cards.size() > size;
		return new Column(state, counted.byState().getOrDefault(state, 0L), counted.at(),
				hasNext ? cards.subList(0, size) : cards, page, size, hasNext);
	}

	/**
	 * How many cases each column holds: one statement for all columns, kept
	 * {@link DeskSettings#countCache()} for everyone under the same rule.
	 */
	private Counts counts(Actor actor) {
		return this.counts.get(CaseScope.keyOf(actor));
	}

	private Counts count(CaseScope.Key scope) {
		Map<CaseState, Long> byState = new EnumMap<>(CaseState.class);
		scope
			.bind(this.jdbc.sql("select c.state, count(*) as n from cases c where c.state in " + STATES + " and "
					+ CaseScope.CONDITION + " group by c.state"))
			.query((rs, row) -> byState.put(CaseState.valueOf(rs.getString("state")), rs.getLong("n")))
			.list();
		return new Counts(byState, this.clock.instant());
	}

}
