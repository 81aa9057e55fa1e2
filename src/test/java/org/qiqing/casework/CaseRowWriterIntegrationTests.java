package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Saving only the row of a case keeps the version check of a whole save: of two writers
 * who read the same version, the second loses and his copy keeps the version he read.
 */
@IntegrationTest
class CaseRowWriterIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	Cases cases;

	@Autowired
	CaseRowWriter rows;

	@Test
	void secondWriterOfTheSameVersionLosesAndChangesNothing() throws Exception {
		long id = new Api(this.mvc).fileCase(this.world.enterpriseA(), this.world.firmA().getId(),
				this.world.category().id());
		Case first = this.cases.findById(id).orElseThrow();
		Case second = this.cases.findById(id).orElseThrow();

		assertThat(this.rows.update(first).getVersion()).isEqualTo(1);
		assertThatThrownBy(() -> this.rows.update(second)).isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(second.getVersion()).isZero();
		assertThat(this.cases.findById(id).orElseThrow().getVersion()).isEqualTo(1);
	}

}
