package org.qiqing.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Units;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class OrganisationImportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Regions regions;

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	AdminFixtures fixtures;

	Member admin;

	@BeforeEach
	void jiashanAdmin() {
		this.fixtures = new AdminFixtures(this.regions, this.units, this.people, this.tokens);
		this.admin = this.fixtures.adminOf(AdminFixtures.JIASHAN);
	}

	@Test
	void unitsFromCsvKeepTheGoodRowsAndReportTheBadOnesByLine() throws Exception {
		String p = AdminFixtures.unique("IMP-");
		String csv = """
				code,name,kind,region_code,superior_code
				%1$s-1,嘉善县发改局,DEPARTMENT,330421,
				%1$s-2,嘉善县经信局,NOT_A_KIND,330421,
				%1$s-3,西塘镇人民政府,town_government,330421100,%1$s-1
				%1$s-4,海宁市商务局,DEPARTMENT,330481,
				""".formatted(p);
		importing("units", "units.csv", csv.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.rejected.length()").value(2))
			.andExpect(jsonPath("$.rejected[0].line").value(3))
			.andExpect(jsonPath("$.rejected[0].reason", containsString("NOT_A_KIND")))
			.andExpect(jsonPath("$.rejected[1].line").value(5))
			.andExpect(jsonPath("$.rejected[1].reason", containsString("辖区")));
		assertThat(this.units.findByCode(p + "-3").orElseThrow().getSuperiorId())
			.isEqualTo(this.units.findByCode(p + "-1").orElseThrow().getId());

		importing("units", "units.csv", csv.replace("嘉善县发改局", "嘉善县发展和改革局").getBytes(StandardCharsets.UTF_8))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(2))
			.andExpect(jsonPath("$.rejected.length()").value(2));
		assertThat(this.units.findByCode(p + "-1").orElseThrow().getName()).isEqualTo("嘉善县发展和改革局");
		assertThat(this.jdbc.sql("select count(*) from unit where code like :p")
			.param("p", p + "-%")
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void peopleFromXlsxAreCreatedThenUpdatedWithoutLosingTheirPasswords() throws Exception {
		String unit = this.fixtures.unitIn(AdminFixtures.XITANG).getCode();
		String p = AdminFixtures.unique("imp.");
		String[][] rows = { { "username", "display_name", "unit_code", "roles", "password", "phone", "enabled" },
				{ p + "a", "赵一", unit, "dispatcher, handler", "first-pass-1", "13900000001", "是" },
				{ p + "b", "钱二", unit, "HANDLER;MAGICIAN", "first-pass-2", "", "" },
				{ p + "c", "孙三", unit, "HANDLER", "", "", "" },
				{ p + "d", "李四", unit, "VISITOR", "first-pass-4", "", "否" } };
		importing("people", "people.xlsx", xlsx(rows)).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.rejected[0].line").value(3))
			.andExpect(jsonPath("$.rejected[0].reason", containsString("MAGICIAN")))
			.andExpect(jsonPath("$.rejected[1].line").value(4))
			.andExpect(jsonPath("$.rejected[1].reason", containsString("password")));
		assertThat(this.people.findByUsername(p + "a").orElseThrow().getRoles())
			.containsExactlyInAnyOrder(Role.DISPATCHER, Role.HANDLER);
		assertThat(this.people.findByUsername(p + "d").orElseThrow().isEnabled()).isFalse();

		rows[1][1] = "赵一一";
		rows[1][4] = "";
		importing("people", "people.xlsx", xlsx(rows)).andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(2));
		assertThat(this.people.findByUsername(p + "a").orElseThrow().getDisplayName()).isEqualTo("赵一一");
		assertThat(this.passwords.matches("first-pass-1",
				this.jdbc.sql("select password_hash from person where username = :u")
					.param("u", p + "a")
					.query(String.class)
					.single()))
			.isTrue();
	}

	@Test
	void aFileWithAWrongHeaderIsRefusedWhole() throws Exception {
		String code = AdminFixtures.unique("HDR-");
		importing("units", "units.csv",
				"code,name,kind\n%s,x,DEPARTMENT\n".formatted(code).getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.file", containsString("缺少：region_code")));
		importing("people", "people.xlsx", xlsx(new String[][] { { "user", "display_name", "unit_code", "roles" } }))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.file", containsString("无法识别：user")));
		assertThat(this.units.findByCode(code)).isEmpty();
	}

	@Test
	void onlyAnAdministratorImports() throws Exception {
		Member dispatcher = this.fixtures.official(AdminFixtures.JIASHAN, Role.DISPATCHER);
		this.mvc
			.perform(multipart("/api/v1/units/import")
				.file(new MockMultipartFile("file", "units.csv", "text/csv", "code\n".getBytes(StandardCharsets.UTF_8)))
				.header(HttpHeaders.AUTHORIZATION, dispatcher.bearer()))
			.andExpect(status().isForbidden());
	}

	private ResultActions importing(String what, String filename, byte[] content) throws Exception {
		return this.mvc.perform(multipart("/api/v1/" + what + "/import")
			.file(new MockMultipartFile("file", filename, "application/octet-stream", content))
			.header(HttpHeaders.AUTHORIZATION, this.admin.bearer()));
	}

	static byte[] xlsx(String[][] rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("people");
			for (int r = 0; r < rows.length; r++) {
				XSSFRow row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (!rows[r][c].isEmpty()) {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			workbook.write(bytes);
			return bytes.toByteArray();
		}
	}

}
