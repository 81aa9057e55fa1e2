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
 * and the first broken link is named, by the API too. Every other tampering has its test
 * in {@link TamperingIntegrationTests}.
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

		HistoryFinding broken = this.history.verify(id).get(0);
		assertThat(broken.seq()).isEqualTo(2);
		assertThat(broken.kind()).isEqualTo(HistoryFinding.Kind.CONTENT);
		assertThat(this.history.verifyAll()).isNotEmpty();
		assertThat(Api.read(api.get(this.world.dispatcherA(), "/api/v1/cases/" + id + "/verification"),
				"$.brokenLink.seq"))
			.isEqualTo(2);
		restore(id, "重复提交");
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
