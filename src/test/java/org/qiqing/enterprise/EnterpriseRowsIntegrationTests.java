package org.qiqing.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.Actor;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * An enterprise read by hand ({@link Enterprise#fromRow}) is the enterprise Spring Data
 * reads, field for field, with every column set and with every nullable one empty.
 */
@IntegrationTest
class EnterpriseRowsIntegrationTests {

	@Autowired
	World world;

	@Autowired
	Enterprises enterprises;

	@Autowired
	EnterpriseDirectory directory;

	@Test
	void anEnterpriseReadByHandIsTheOneSpringDataReads() {
		String code = AdminFixtures.creditCode();
		Enterprise full = this.enterprises.save(new Enterprise(code, "各列俱全有限公司", AdminFixtures.XITANG)
			.describe("各列俱全有限公司", AdminFixtures.XITANG, "纺织", "西塘镇古镇路1号", EnterpriseScale.SMALL, Set.of("专精特新", "外贸"))
			.contact("王经理", "13800000000", "wang@example.com"));
		Enterprise bare = this.enterprises
			.save(new Enterprise(AdminFixtures.creditCode(), "各列从简有限公司", AdminFixtures.XITANG));
		Actor admin = this.world.admin().actor();

		for (Enterprise saved : List.of(full, bare)) {
			assertThat(this.directory.findVisible(saved.getId(), admin)).get()
				.usingRecursiveComparison()
				.isEqualTo(this.enterprises.findById(saved.getId()).orElseThrow());
		}
		// Every field of the full one has a value, so a column left unread would differ.
		assertThat(this.directory.findVisible(full.getId(), admin).orElseThrow()).hasNoNullFieldsOrProperties();
	}

}
