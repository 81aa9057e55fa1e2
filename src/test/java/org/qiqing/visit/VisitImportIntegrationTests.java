package org.qiqing.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Visits made before the platform are imported by the county's dispatcher: the good rows
 * kept, each bad one refused with its line and reason, a second import of the same file
 * storing nothing twice, and an enterprise of another county refused.
 */
@IntegrationTest
class VisitImportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@Test
	@SuppressWarnings("unchecked")
	void goodRowsAreKeptBadOnesNamedAndARepeatStoresNothingTwice() throws Exception {
		LocalDate today = LocalDate.now(CHINA);
		String notes = "导入台账 " + System.nanoTime();
		String csv = String.join("\n", "credit_code,visitor,visited_on,met,notes",
				row(this.world.firmA().getCreditCode(), "t.visitor.a", today.minusDays(30), notes + " 一"),
				row(this.world.firmA().getCreditCode(), "t.leader.a", today.minusDays(3), notes + " 二"),
				row(this.world.firmB().getCreditCode(), "t.visitor.a", today.minusDays(3), notes + " 外县"),
				row(this.world.firmA().getCreditCode(), "nobody.here", today.minusDays(3), notes),
				row(this.world.firmA().getCreditCode(), "t.visitor.a", today.plusDays(1), notes),
				row(this.world.firmA().getCreditCode(), "t.visitor.a", "2026-13-01", notes),
				row("91330421MA2XXXXXXX", "t.visitor.a", today.minusDays(3), notes));
		MvcResult first = upload(this.world.dispatcherA(), csv);
		assertThat(first.getResponse().getStatus()).as(first.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(Api.read(first, "$.created")).isEqualTo(2);
		// Haining's enterprise, an unknown login, a day in the future, no day, a bad
		// code.
		assertThat((List<Integer>) Api.read(first, "$.rejected[*].line")).containsExactly(4, 5, 6, 7, 8);
		assertThat((List<String>) Api.read(first, "$.rejected[*].reason"))
			.anySatisfy(reason -> assertThat(reason).contains("不能晚于今天"))
			.anySatisfy(reason -> assertThat(reason).contains("nobody.here"));
		assertThat(visitsNoted(notes)).isEqualTo(2);

		MvcResult again = upload(this.world.dispatcherA(), csv);
		assertThat(Api.read(again, "$.created")).isEqualTo(0);
		assertThat(Api.read(again, "$.updated")).isEqualTo(2);
		assertThat(visitsNoted(notes)).isEqualTo(2);

		// Jiashan's officials and enterprises are not Haining's to import, nor an
		// enterprise contact's.
		MvcResult foreign = upload(this.world.dispatcherB(), csv);
		assertThat(Api.read(foreign, "$.created")).isEqualTo(0);
		assertThat(upload(this.world.enterpriseA(), csv).getResponse().getStatus()).isEqualTo(403);
		assertThat(visitsNoted(notes)).isEqualTo(2);
	}

	@Test
	void aFileWithoutTheColumnsIsRefusedWhole() throws Exception {
		MvcResult result = upload(this.world.dispatcherA(),
				"credit_code,visited_on\n" + this.world.firmA().getCreditCode() + ",2026-01-05");
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString()).contains("visitor");
	}

	private static String row(String code, String visitor, Object day, String notes) {
		return code + "," + visitor + "," + day + ",王经理," + notes;
	}

	private int visitsNoted(String notes) {
		return this.jdbc.sql("select count(*) from visit where notes like :notes")
			.param("notes", notes + "%")
			.query(Integer.class)
			.single();
	}

	private MvcResult upload(Member who, String csv) throws Exception {
		return this.mvc
			.perform(multipart("/api/v1/visits/import")
				.file(new MockMultipartFile("file", "visits.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.header(HttpHeaders.AUTHORIZATION, who.bearer()))
			.andReturn();
	}

}
