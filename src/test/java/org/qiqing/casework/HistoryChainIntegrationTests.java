package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The history is tamper-evident: an event edited behind the application's back is found,
 * and the first broken link is named.
 */
@IntegrationTest
class HistoryChainIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseHistory history;

	@Test
	void anEditedNoteBreaksTheChainAtThatEvent() throws Exception {
		Api api = new Api(this.mvc);
		long id = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		api.step(this.world.dispatcherA(), id, 0, "decline", "{\"note\": \"重复提交\"}");
		assertThat(this.history.verify(id)).isEmpty();
		assertThat(Api.read(api.get(this.world.dispatcherA(), "/api/v1/cases/" + id + "/verification"), "$.intact"))
			.isEqualTo(true);

		this.jdbc.sql("update case_event set note = :note where case_id = :id and seq = 2")
			.param("note", "已解决")
			.param("id", id)
			.update();

		CaseHistory.BrokenLink broken = this.history.verify(id).orElseThrow();
		assertThat(broken.seq()).isEqualTo(2);
		assertThat(broken.reason()).contains("content");
		assertThat(this.history.verifyAll()).isPresent();
		assertThat(Api.read(api.get(this.world.dispatcherA(), "/api/v1/cases/" + id + "/verification"),
				"$.brokenLink.seq"))
			.isEqualTo(2);
		restore(id, "重复提交");
	}

	@Test
	void aDeletedLastEventIsFoundByTheCaseHead() throws Exception {
		Api api = new Api(this.mvc);
		long id = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		api.step(this.world.dispatcherA(), id, 0, "accept", "{}");
		String head = this.jdbc.sql("select hash from case_event where case_id = :id and seq = 2")
			.param("id", id)
			.query(String.class)
			.single();
		this.jdbc.sql("delete from case_event where case_id = :id and seq = 2").param("id", id).update();

		assertThat(this.history.verify(id)).hasValueSatisfying(link -> assertThat(link.seq()).isEqualTo(2));
		assertThat(head).isNotBlank();
		this.jdbc.sql("delete from case_event where case_id = :id").param("id", id).update();
		this.jdbc.sql("delete from case_timer where case_id = :id").param("id", id).update();
		this.jdbc.sql("delete from cases where id = :id").param("id", id).update();
	}

	/** Leaves the shared database intact for the other tests that verify every chain. */
	private void restore(long id, String note) {
		this.jdbc.sql("update case_event set note = :note where case_id = :id and seq = 2")
			.param("note", note)
			.param("id", id)
			.update();
		assertThat(this.history.verify(id)).isEmpty();
	}

}
