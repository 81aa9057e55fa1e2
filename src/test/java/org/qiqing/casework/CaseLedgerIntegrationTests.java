package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.platform.Ledger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The ledgers of the case list and the supervision desk: the .xlsx holds exactly the
 * cases the list shows under the same filters (every page of them), in the reader's
 * language, never a case outside his jurisdiction; a filter that names nothing is a 400
 * problem, not a broken file; the desk's ledger is the government's.
 */
@IntegrationTest
class CaseLedgerIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	private Api api;

	private String word;

	private String number;

	@BeforeEach
	void fileCase() throws Exception {
		this.api = new Api(this.mvc);
		this.word = "账" + UUID.randomUUID().toString().substring(0, 8);
		MvcResult result = this.api.post(this.world.enterpriseA(), "/api/v1/cases", """
				{"categoryId": %d, "enterpriseId": %d, "title": "台账核对 %s", "description": "导出测试。"}"""
			.formatted(this.world.category().id(), this.world.firmA().getId(), this.word));
		assertThat(result.getResponse().getStatus()).isEqualTo(201);
		this.number = (String) Api.read(result, "$.number");
		this.api.assignedCase(this.world);
	}

	@Test
	void theLedgerHoldsEveryCaseTheListShowsUnderTheSameFilter() throws Exception {
		String filter = "unit=" + this.world.deptA().getId() + "&sort=FILED";
		List<String> listed = listedNumbers(this.world.dispatcherA(), filter);
		assertThat(listed).isNotEmpty();

		List<List<String>> rows = ledger(this.world.dispatcherA(), "/api/v1/cases/export?" + filter);
		assertThat(rows.get(0)).startsWith("编号", "类型", "状态");
		assertThat(rows.subList(1, rows.size()).stream().map(row -> row.get(0)).toList())
			.containsExactlyElementsOf(listed);

		List<List<String>> found = ledger(this.world.dispatcherA(), "/api/v1/cases/export?q=" + this.word + "&lang=en");
		assertThat(found.get(0)).startsWith("Number", "Kind", "State");
		assertThat(found).hasSize(2);
		assertThat(found.get(1).get(0)).isEqualTo(this.number);
		assertThat(found.get(1)).contains("台账核对 " + this.word);
	}

	@Test
	void anotherCountysLedgerHasNoneOfTheseCases() throws Exception {
		List<List<String>> rows = ledger(this.world.dispatcherB(), "/api/v1/cases/export?q=" + this.word);
		assertThat(rows).hasSize(1);
		List<List<String>> all = ledger(this.world.dispatcherB(), "/api/v1/cases/export");
		assertThat(all.stream().map(row -> row.get(0))).doesNotContain(this.number);
	}

	@Test
	void aFilterThatNamesNothingIsAProblemNotAFile() throws Exception {
		MvcResult result = this.api.get(this.world.dispatcherA(), "/api/v1/cases/export?state=LOST&from=yesterday");
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result.getResponse().getContentAsString()).contains("state", "from");
	}

	@Test
	void theDesksLedgerIsTheGovernments() throws Exception {
		List<List<String>> rows = ledger(this.world.supervisorA(), "/api/v1/supervision/export?time=RED");
		assertThat(rows.get(0)).startsWith("编号", "类型", "状态");
		MvcResult refused = this.api.get(this.world.enterpriseA(), "/api/v1/supervision/export");
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(refused.getResponse().getContentType()).doesNotStartWith(Ledger.XLSX);
	}

	private List<String> listedNumbers(Member who, String filter) throws Exception {
		List<String> numbers = new ArrayList<>();
		for (int page = 0;; page++) {
			MvcResult result = this.api.get(who, "/api/v1/cases?" + filter + "&size=100&page=" + page);
			assertThat(result.getResponse().getStatus()).isEqualTo(200);
			List<String> items = Api.read(result, "$.items[*].number") instanceof List<?> list
					? list.stream().map(String::valueOf).toList() : List.of();
			numbers.addAll(items);
			if (!Boolean.TRUE.equals(Api.read(result, "$.hasNext"))) {
				return numbers;
			}
		}
	}

	private List<List<String>> ledger(Member who, String path) throws Exception {
		MvcResult result = this.api.get(who, path);
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).isEqualTo(Ledger.XLSX);
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename*=UTF-8''");
		List<List<String>> rows = new ArrayList<>();
		DataFormatter format = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getLastCellNum(); i++) {
					cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

}
