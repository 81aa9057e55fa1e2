package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;
import org.qiqing.casework.HistoryFinding.Kind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Each way of tampering with the history behind the application's back, done with SQL as
 * someone with access to the database would, is found and named: the case number, the
 * event and what differs. Each test puts the database back as it found it, as the other
 * tests verify every history too.
 */
@IntegrationTest
class TamperingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseHistory history;

	@Autowired
	HistoryAudit audit;

	@Autowired
	Clock clock;

	@Autowired
	MessageSource messages;

	@TempDir
	Path checkpoints;

	private final List<Runnable> restore = new ArrayList<>();

	@AfterEach
	void putTheDatabaseBack() {
		for (int i = this.restore.size() - 1; i >= 0; i--) {
			this.restore.get(i).run();
		}
		this.restore.clear();
	}

	@Test
	void anEditedNoteIsNamedByItsEvent() throws Exception {
		long id = closedCase();
		String number = number(id);
		keep("case_event", "case_id = " + id + " and seq = 2");
		this.jdbc.sql("update case_event set note = '另有说法' where case_id = :id and seq = 2").param("id", id).update();

		assertThat(this.history.verify(id)).contains(new HistoryFinding(number, 2, Kind.CONTENT, null, null, null));
		assertThat(Api.read(new Api(this.mvc).get(this.world.dispatcherA(), "/api/v1/cases/" + id + "/verification"),
				"$.findings[0].reason"))
			.asString()
			.contains(number, "2");
	}

	@Test
	void everyFactOfTheCaseRowIsReplayedFromItsEvents() throws Exception {
		long id = closedCase();
		String number = number(id);
		int last = eventCount(id);
		Map<String, Object> changes = Map.of("answer", "未解决", "outcome", "EXPLAINED", "rating", "VERY_SATISFIED",
				"state", "IN_PROGRESS", "lead_unit_id", this.world.otherDeptA().getId(), "due_date",
				LocalDate.now().plusYears(1));
		for (Map.Entry<String, Object> change : changes.entrySet()) {
			String column = change.getKey();
			Object original = this.jdbc.sql("select " + column + " from cases where id = :id")
				.param("id", id)
				.query()
				.singleValue();
			this.jdbc.sql("update cases set " + column + " = :value where id = :id")
				.param("value", change.getValue())
				.param("id", id)
				.update();
			List<HistoryFinding> findings = this.history.verify(id);
			this.jdbc.sql("update cases set " + column + " = :value where id = :id")
				.param("value", original)
				.param("id", id)
				.update();

			assertThat(findings).as(column)
				.singleElement()
				.satisfies(finding -> assertThat(finding)
					.extracting(HistoryFinding::caseNumber, HistoryFinding::seq, HistoryFinding::kind,
							HistoryFinding::field, HistoryFinding::expected, HistoryFinding::found)
					.containsExactly(number, last, Kind.FACT, column, String.valueOf(original),
							String.valueOf(change.getValue())));
		}
		assertThat(this.history.verify(id)).isEmpty();
	}

	@Test
	void anAttachmentWhoseBytesWereReplacedIsNamed() throws Exception {
		MockMultipartFile json = new MockMultipartFile("case", "", MediaType.APPLICATION_JSON_VALUE,
				"{\"categoryId\": %d, \"title\": \"附件\", \"description\": \"带附件\"}"
					.formatted(this.world.category().id())
					.getBytes(StandardCharsets.UTF_8));
		MockMultipartFile pdf = new MockMultipartFile("files", "营业执照.pdf", "application/pdf",
				"%PDF-1.4 licence".getBytes(StandardCharsets.UTF_8));
		MvcResult filed = this.mvc
			.perform(multipart("/api/v1/cases").file(json)
				.file(pdf)
				.header(HttpHeaders.AUTHORIZATION, this.world.enterpriseA().bearer()))
			.andReturn();
		long id = ((Number) Api.read(filed, "$.id")).longValue();
		assertThat(this.history.verify(id)).isEmpty();
		keep("attachment", "case_id = " + id);
		this.jdbc.sql("update attachment set content = :forged where case_id = :id")
			.param("forged", "%PDF-1.4 forged!".getBytes(StandardCharsets.UTF_8))
			.param("id", id)
			.update();

		assertThat(this.history.verify(id)).singleElement().satisfies(finding -> {
			assertThat(finding.caseNumber()).isEqualTo(number(id));
			assertThat(finding.seq()).isEqualTo(1);
			assertThat(finding.kind()).isEqualTo(Kind.ATTACHMENT);
			assertThat(finding.field()).isEqualTo("营业执照.pdf");
		});
	}

	@Test
	void anEventWhoseVisibilityToTheEnterpriseWasFlippedIsNamed() throws Exception {
		long id = closedCase();
		keep("case_event", "case_id = " + id + " and seq = 2");
		this.jdbc.sql(
				"update case_event set visible_to_enterprise = not visible_to_enterprise where case_id = :id and seq = 2")
			.param("id", id)
			.update();

		assertThat(this.history.verify(id))
			.containsExactly(new HistoryFinding(number(id), 2, Kind.CONTENT, null, null, null));
	}

	@Test
	void aDeletedLastEventWithTheHeadRewoundIsFoundByReplayingTheFacts() throws Exception {
		long id = closedCase();
		int last = eventCount(id);
		keep("case_event", "case_id = " + id + " and seq = " + last);
		keepHead(id);
		rewindHead(id, last);

		assertThat(this.history.verify(id)).contains(
				new HistoryFinding(number(id), last - 1, Kind.FACT, "state", "RESOLVED", "CLOSED"),
				new HistoryFinding(number(id), last - 1, Kind.FACT, "rating", "", "SATISFIED"));
	}

	@Test
	void aCaseWhoseEventsWereAllDeletedIsNamed() throws Exception {
		long id = closedCase();
		keep("attachment", "case_id = " + id);
		keep("case_event", "case_id = " + id);
		this.jdbc.sql("delete from case_event where case_id = :id").param("id", id).update();

		assertThat(this.history.verify(id))
			.containsExactly(new HistoryFinding(number(id), 1, Kind.EVENT_MISSING, null, null, null));
	}

	@Test
	void aDeletedCaseLeavesItsNumberWithoutACaseWhileAFilingThatFailedLeavesNone() throws Exception {
		long id = closedCase();
		String number = number(id);
		MvcResult refused = new Api(this.mvc).post(this.world.leaderA(), "/api/v1/cases", """
				{"kind": "LEADER_ASSIGNMENT", "categoryId": %d, "title": "协调用电", "description": "请牵头协调。",
				 "leadUnitId": %d, "coUnitIds": [999999], "dueDate": "%s"}""".formatted(this.world.category().id(),
				this.world.deptA().getId(), LocalDate.now().plusDays(10)));
		assertThat(refused.getResponse().getStatus()).as("refused after its number was issued").isEqualTo(400);
		closedCase();
		assertThat(this.history.verifyAll()).as("the number of the refused filing was given up").isEmpty();
		deleteCase(id);

		assertThat(this.history.verifyAll()).singleElement().satisfies(finding -> {
			assertThat(finding.kind()).isEqualTo(Kind.CASE_MISSING);
			assertThat(number).endsWith(finding.caseNumber().substring(finding.caseNumber().lastIndexOf('-')));
		});
	}

	@Test
	void aChainRecomputedAfterAnEditDoesNotGiveTheSignedCheckpoint() throws Exception {
		long id = closedCase();
		HistoryCheckpoints checkpoints = checkpoints();
		HistoryCheckpoints.Checkpoint sealed = checkpoints.write().orElseThrow();
		keep("case_event", "case_id = " + id);
		keepHead(id);
		recomputeWithNote(id, 2, "未联系企业");
		assertThat(this.history.verify(id)).as("the chain alone holds after it is recomputed").isEmpty();

		HistoryCheckpoints.Checkpoint latest = checkpoints.latest().orElseThrow();
		assertThat(latest).isEqualTo(sealed);
		assertThat(checkpoints.compare(latest, this.audit.all(latest.sealedUpTo()).roots().get(0))).singleElement()
			.satisfies(finding -> {
				assertThat(finding.kind()).isEqualTo(Kind.CHECKPOINT_ROOT);
				assertThat(finding.expected()).isEqualTo(sealed.root());
			});
		assertThat(checkpoints.write()).as("no checkpoint over a rewritten history").isEmpty();
	}

	@Test
	void aConsistentlyRewoundCaseIsFoundByTheCheckpointItsEventsWereSealedIn() throws Exception {
		long id = closedCase();
		HistoryCheckpoints checkpoints = checkpoints();
		HistoryCheckpoints.Checkpoint sealed = checkpoints.write().orElseThrow();
		int last = eventCount(id);
		keep("case_event", "case_id = " + id + " and seq = " + last);
		keepHead(id);
		rewindHead(id, last);
		this.jdbc.sql("update cases set state = 'RESOLVED', rating = null, rating_source = null where id = :id")
			.param("id", id)
			.update();
		assertThat(this.history.verify(id)).as("the case alone looks whole").isEmpty();

		assertThat(checkpoints.compare(sealed, this.audit.all(sealed.sealedUpTo()).roots().get(0))).singleElement()
			.satisfies(finding -> assertThat(finding)
				.extracting(HistoryFinding::kind, HistoryFinding::expected, HistoryFinding::found)
				.containsExactly(Kind.CHECKPOINT_SIZE, Long.toString(sealed.treeSize()),
						Long.toString(sealed.treeSize() - 1)));
		Path file = this.checkpoints.resolve("out").resolve(sealed.name());
		Files.writeString(file, Files.readString(file)
			.replace("tree-size " + sealed.treeSize(), "tree-size " + (sealed.treeSize() - 1)));
		assertThat(checkpoints.latest().orElseThrow().signed()).as("a checkpoint edited to match").isFalse();
	}

	/** A case walked from filing to its rating: 6 events, every fact set. */
	private long closedCase() throws Exception {
		Api api = new Api(this.mvc);
		long id = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		int v = Api.version(api.step(this.world.dispatcherA(), id, 0, "accept", "{}"));
		v = Api.version(api.step(this.world.dispatcherA(), id, v, "assign",
				"{\"leadUnitId\": %d}".formatted(this.world.deptA().getId())));
		v = Api.version(api.step(this.world.handlerA(), id, v, "contact", "{\"note\": \"已电话联系企业\"}"));
		v = Api.version(api.step(this.world.handlerA(), id, v, "resolve",
				"{\"outcome\": \"SOLVED\", \"answer\": \"已协调供电公司增容。\"}"));
		api.step(this.world.enterpriseA(), id, v, "rate", "{\"rating\": \"SATISFIED\"}");
		assertThat(this.history.verify(id)).isEmpty();
		return id;
	}

	private HistoryCheckpoints checkpoints() throws Exception {
		KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		Path key = pem(this.checkpoints.resolve("signing.pem"), "PRIVATE KEY", keys.getPrivate().getEncoded());
		Path publicKey = pem(this.checkpoints.resolve("public.pem"), "PUBLIC KEY", keys.getPublic().getEncoded());
		return new HistoryCheckpoints(this.audit, new CheckpointSettings(this.checkpoints.resolve("out"), key,
				publicKey, Duration.ofHours(1), Duration.ZERO), this.clock, this.messages);
	}

	private static Path pem(Path file, String type, byte[] der) throws Exception {
		return Files.writeString(file, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
				+ "\n-----END " + type + "-----\n");
	}

	/**
	 * Edits an event's note and seals it and its case's head again, as a forger would.
	 */
	private void recomputeWithNote(long id, int seq, String note) {
		Map<String, Object> event = this.jdbc.sql("select * from case_event where case_id = :id and seq = :seq")
			.param("id", id)
			.param("seq", seq)
			.query()
			.singleRow();
		assertThat(eventCount(id)).isGreaterThan(seq);
		String prev = (String) value(event, "prev_hash");
		String number = number(id);
		for (int s = seq; s <= eventCount(id); s++) {
			Map<String, Object> e = this.jdbc.sql("select * from case_event where case_id = :id and seq = :seq")
				.param("id", id)
				.param("seq", s)
				.query()
				.singleRow();
			String hash = CaseEvent.sealOf(prev, number, s, CaseAction.valueOf((String) value(e, "action")),
					((Number) value(e, "actor_id")).longValue(),
					value(e, "actor_unit_id") == null ? null : ((Number) value(e, "actor_unit_id")).longValue(),
					this.jdbc.sql("select at from case_event where case_id = :id and seq = :seq")
						.param("id", id)
						.param("seq", s)
						.query(java.sql.Timestamp.class)
						.single()
						.toInstant(),
					value(e, "from_state") == null ? null : CaseState.valueOf((String) value(e, "from_state")),
					CaseState.valueOf((String) value(e, "to_state")), s == seq ? note : (String) value(e, "note"),
					(Boolean) value(e, "visible_to_enterprise"), (String) value(e, "facts"), List.of());
			this.jdbc.sql(
					"update case_event set note = :note, prev_hash = :prev, hash = :hash where case_id = :id and seq = :seq")
				.param("note", s == seq ? note : (String) value(e, "note"))
				.param("prev", prev)
				.param("hash", hash)
				.param("id", id)
				.param("seq", s)
				.update();
			prev = hash;
		}
		this.jdbc.sql("update cases set last_hash = :hash where id = :id").param("hash", prev).param("id", id).update();
	}

	private void rewindHead(long id, int last) {
		String previous = this.jdbc.sql("select hash from case_event where case_id = :id and seq = :seq")
			.param("id", id)
			.param("seq", last - 1)
			.query(String.class)
			.single();
		this.jdbc.sql("delete from case_event where case_id = :id and seq = :seq")
			.param("id", id)
			.param("seq", last)
			.update();
		this.jdbc.sql("update cases set event_count = :count, last_hash = :hash where id = :id")
			.param("count", last - 1)
			.param("hash", previous)
			.param("id", id)
			.update();
	}

	private void deleteCase(long id) {
		List<String> children = List.of("attachment", "case_event", "case_timer", "supervision_order", "case_co_unit");
		for (String table : children) {
			keep(table, "case_id = " + id);
		}
		// Put back first, before the rows that refer to it.
		keep("cases", "id = " + id);
		for (String table : children) {
			this.jdbc.sql("delete from " + table + " where case_id = :id").param("id", id).update();
		}
		this.jdbc.sql("delete from cases where id = :id").param("id", id).update();
	}

	private void keepHead(long id) {
		Map<String, Object> head = this.jdbc.sql("select * from cases where id = :id")
			.param("id", id)
			.query()
			.singleRow();
		this.restore.add(() -> this.jdbc.sql(
				"update cases set event_count = :count, last_hash = :hash, state = :state, rating = :rating, rating_source = :source where id = :id")
			.param("count", value(head, "event_count"))
			.param("hash", value(head, "last_hash"))
			.param("state", value(head, "state"))
			.param("rating", value(head, "rating"))
			.param("source", value(head, "rating_source"))
			.param("id", id)
			.update());
	}

	/**
	 * Keeps the rows of a table that a test is about to change, to put them back after
	 * it: deleted and inserted again, with their keys.
	 */
	private void keep(String table, String where) {
		List<Map<String, Object>> rows = this.jdbc.sql("select * from " + table + " where " + where)
			.query()
			.listOfRows();
		this.restore.add(() -> {
			this.jdbc.sql("delete from " + table + " where " + where).update();
			for (Map<String, Object> row : rows) {
				this.jdbc
					.sql("insert into " + table + " (" + String.join(", ", row.keySet()) + ") values ("
							+ row.keySet().stream().map(column -> ":" + column).collect(Collectors.joining(", ")) + ")")
					.params(row)
					.update();
			}
		});
	}

	private static Object value(Map<String, Object> row, String column) {
		return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
	}

	private String number(long id) {
		return this.jdbc.sql("select number from cases where id = :id").param("id", id).query(String.class).single();
	}

	private int eventCount(long id) {
		return this.jdbc.sql("select event_count from cases where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

}
