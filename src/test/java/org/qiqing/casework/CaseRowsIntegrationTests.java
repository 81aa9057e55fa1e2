package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.Actor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case read, inserted and updated by hand ({@link CaseRows}) is the case Spring Data
 * reads and writes, field for field, in every shape a row can take: each column set and
 * each left empty, with none, one and two co-handling units.
 */
@IntegrationTest
// Rolled back: the shapes (a county's case with another county's co-unit, a number its
// history's hashes do not cover) are no case the other tests of the database expect.
@Transactional
class CaseRowsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	Cases cases;

	@Autowired
	VisibleCases visibleCases;

	@Autowired
	CaseRowWriter rows;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyShapeOfACaseLoadsAsSpringDataLoadsIt() throws Exception {
		long filed = filed();
		long assigned = filed();
		Api api = new Api(this.mvc);
		assertThat(api.step(this.world.dispatcherA(), assigned, 0, "accept", "{}").getResponse().getStatus())
			.isEqualTo(200);
		assertThat(api
			.step(this.world.dispatcherA(), assigned, 1, "assign",
					"""
							{"leadUnitId": %d, "coUnitIds": [%d]}""".formatted(this.world.deptA().getId(),
							this.world.otherDeptA().getId()))
			.getResponse()
			.getStatus()).isEqualTo(200);
		Map<String, Long> shapes = new LinkedHashMap<>();
		shapes.put("as filed", filed);
		shapes.put("assigned with a co-unit", assigned);
		shapes.put("every column set, no co-unit", aCase(everyColumnSet()));
		shapes.put("every column set, one co-unit", aCase(everyColumnSet(), this.world.otherDeptA().getId()));
		shapes.put("every column set, two co-units",
				aCase(everyColumnSet(), this.world.otherDeptA().getId(), this.world.deptB().getId()));
		shapes.put("every nullable column empty", aCase(everyNullableColumnEmpty()));

		Actor admin = this.world.admin().actor();
		// Neither statement orders the co-units.
		shapes.forEach((shape, id) -> assertThat(this.visibleCases.find(id, admin)).as(shape)
			.get()
			.usingRecursiveComparison()
			.ignoringCollectionOrderInFields("coUnits")
			.isEqualTo(this.cases.findById(id).orElseThrow()));
		assertThat(this.visibleCases.find(shapes.get("every column set, two co-units"), admin)
			.orElseThrow()
			.getCoUnitIds()).hasSize(2);
	}

	@Test
	void aRowUpdateWritesEveryColumnButTheKey() throws Exception {
		long id = aCase(everyColumnSet(), this.world.otherDeptA().getId());
		Case read = this.visibleCases.find(id, this.world.admin().actor()).orElseThrow();
		// Every column now holds another value than the case, at the version it was
		// read with: only a column the update writes gets the case's value back.
		write(id, everyNullableColumnEmpty());

		this.rows.update(read);

		assertThat(read.getVersion()).isEqualTo(8);
		assertThat(this.cases.findById(id).orElseThrow()).usingRecursiveComparison()
			.ignoringCollectionOrderInFields("coUnits")
			.isEqualTo(read);
	}

	@Test
	void aRowInsertWritesEveryColumn() throws Exception {
		for (Map<String, Object> shape : List.of(everyColumnSet(), everyNullableColumnEmpty())) {
			Case copy = this.visibleCases.find(aCase(shape), this.world.admin().actor()).orElseThrow();
			ReflectionTestUtils.setField(copy, "id", null);
			ReflectionTestUtils.setField(copy, "number", uniqueNumber());

			this.rows.insert(copy);

			assertThat(copy.getVersion()).isZero();
			assertThat(this.cases.findById(copy.getId()).orElseThrow()).usingRecursiveComparison().isEqualTo(copy);
		}
	}

	@Test
	void theShapesFillEveryColumnOfCases() {
		Set<String> columns = this.jdbc.sql("select * from cases where 1 = 0").query(rows -> {
			ResultSetMetaData meta = rows.getMetaData();
			Set<String> names = new TreeSet<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				names.add(meta.getColumnLabel(i).toLowerCase());
			}
			return names;
		});
		columns.remove("id");

		assertThat(new TreeSet<>(everyColumnSet().keySet())).isEqualTo(columns);
		assertThat(new TreeSet<>(everyNullableColumnEmpty().keySet())).isEqualTo(columns);
	}

	/** A value in every column, none a default, the instants to the microsecond. */
	private Map<String, Object> everyColumnSet() {
		return row("number", uniqueNumber(), "kind", CaseKind.HELP_VISIT, "channel", Channel.HOTLINE, "state",
				CaseState.SUSPENDED, "category_id", this.world.category().id(), "enterprise_id",
				this.world.firmA().getId(), "region_code", "330421", "region_path", "/330400/330421/", "title",
				"每一列都有值", "description", "一个各列俱全的案件", "submitted_by", this.world.enterpriseA().actor().personId(),
				"lead_unit_id", this.world.deptA().getId(), "due_date", LocalDate.of(2026, 4, 30), "requested_due_date",
				LocalDate.of(2026, 5, 15), "outcome", Outcome.OUT_OF_REMIT, "answer", "不属本地事权", "referral", "12345热线",
				"rating", Rating.BASICALLY_SATISFIED, "rating_comment", "还算及时", "handoffs", 2, "reopen_count", 1,
				"created_at", at("2026-03-02T01:02:03.123456Z"), "updated_at", at("2026-03-09T04:05:06.654321Z"),
				"last_hash", "a".repeat(64), "event_count", 9, "assigned_at", at("2026-03-03T02:00:00.000001Z"),
				"limit_at", at("2026-03-10T09:30:00Z"), "yellow_at", at("2026-03-09T09:30:00.5Z"), "time_state",
				TimeState.SUSPENDED, "limit_cycle", 3, "suspended_at", at("2026-03-08T07:00:00.25Z"),
				"escalated_unit_id", this.world.centreA().getId(), "verified_at", at("2026-03-05T03:00:00.999999Z"),
				"priority", Priority.VERY_URGENT, "rating_source", RatingSource.RETURN_VISIT, "respondent_name", "王经理",
				"respondent_role", "总经理", "answered_at", at("2026-03-09T03:00:00.000002Z"), "answer_method",
				AnswerMethod.VISIT, "rating_review", RatingReview.UNREASONABLE, "rating_review_reason", "已解释到位",
				"version", 7);
	}

	/** Every nullable column empty, each other one with another value than above. */
	private Map<String, Object> everyNullableColumnEmpty() {
		return row("number", uniqueNumber(), "kind", CaseKind.LEADER_ASSIGNMENT, "channel", Channel.VISIT, "state",
				CaseState.CLOSED, "category_id", null, "enterprise_id", null, "region_code", "330481", "region_path",
				"/330400/330481/", "title", "空的", "description", "可空的列都空着", "submitted_by",
				this.world.dispatcherA().actor().personId(), "lead_unit_id", null, "due_date", null,
				"requested_due_date", null, "outcome", null, "answer", null, "referral", null, "rating", null,
				"rating_comment", null, "handoffs", 0, "reopen_count", 0, "created_at", at("2026-01-01T00:00:00Z"),
				"updated_at", at("2026-01-01T00:00:00.1Z"), "last_hash", "b".repeat(64), "event_count", 1,
				"assigned_at", null, "limit_at", null, "yellow_at", null, "time_state", null, "limit_cycle", 0,
				"suspended_at", null, "escalated_unit_id", null, "verified_at", null, "priority", Priority.NORMAL,
				"rating_source", null, "respondent_name", null, "respondent_role", null, "answered_at", null,
				"answer_method", null, "rating_review", null, "rating_review_reason", null, "version", 7);
	}

	private long filed() throws Exception {
		return new Api(this.mvc).fileCase(this.world.enterpriseA(), this.world.firmA().getId(),
				this.world.category().id());
	}

	private long aCase(Map<String, Object> columns, Long... coUnits) throws Exception {
		long id = filed();
		write(id, columns);
		for (Long unit : coUnits) {
			this.jdbc.sql("insert into case_co_unit (case_id, unit_id) values (:case, :unit)")
				.param("case", id)
				.param("unit", unit)
				.update();
		}
		return id;
	}

	private void write(long id, Map<String, Object> columns) {
		String set = columns.keySet()
			.stream()
			.map(column -> column + " = :" + column)
			.collect(Collectors.joining(", "));
		StatementSpec update = this.jdbc.sql("update cases set " + set + " where id = :id").param("id", id);
		columns.forEach((column, value) -> update.param(column, value instanceof Enum<?> e ? e.name() : value));
		assertThat(update.update()).isOne();
	}

	private static Map<String, Object> row(Object... columnsAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
		}
		return row;
	}

	private static Timestamp at(String instant) {
		return Timestamp.from(Instant.parse(instant));
	}

	private static String uniqueNumber() {
		return "T-" + UUID.randomUUID().toString().substring(0, 18);
	}

}
