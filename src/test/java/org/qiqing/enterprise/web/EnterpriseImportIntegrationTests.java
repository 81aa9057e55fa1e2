package org.qiqing.enterprise.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;
import org.qiqing.enterprise.CreditCode;
import org.qiqing.enterprise.EnterpriseScale;
import org.qiqing.enterprise.Enterprises;
import org.qiqing.platform.Workbooks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class EnterpriseImportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	Enterprises enterprises;

	@Test
	void enterprisesFromCsvKeepTheGoodRowsAndAReimportUpdatesThem() throws Exception {
		String one = AdminFixtures.creditCode();
		String two = AdminFixtures.creditCode();
		String wrongCheck = one.substring(0, 17) + (one.charAt(17) == '0' ? '1' : '0');
		String csv = """
				credit_code,name,region_code,industry,scale,tags
				%s,嘉善精密机械有限公司,330421100,制造业,small,"专精特新,高新技术"
				%s,坏校验位有限公司,330421,,,
				%s,小写代码有限公司,330421,,MICRO,
				%s,海宁皮革有限公司,330481,,,
				""".formatted(one, wrongCheck, two.toLowerCase(Locale.ROOT), AdminFixtures.creditCode());
		importing("enterprises.csv", csv.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.rejected[0].line").value(3))
			.andExpect(jsonPath("$.rejected[0].reason", containsString("不是有效的统一社会信用代码")))
			.andExpect(jsonPath("$.rejected[1].line").value(5))
			.andExpect(jsonPath("$.rejected[1].reason", containsString("您的辖区内没有区划 330481")));
		assertThat(this.enterprises.findByCreditCode(one).orElseThrow().getTags()).containsExactly("专精特新", "高新技术");
		assertThat(this.enterprises.findByCreditCode(two).orElseThrow().getScale()).isEqualTo(EnterpriseScale.MICRO);

		importing("enterprises.csv", csv.replace("嘉善精密机械有限公司", "嘉善精密机械股份有限公司").getBytes(StandardCharsets.UTF_8))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(2));
		assertThat(this.enterprises.findByCreditCode(one).orElseThrow().getName()).isEqualTo("嘉善精密机械股份有限公司");
	}

	@Test
	void enterprisesFromXlsxAreRead() throws Exception {
		String code = AdminFixtures.creditCode();
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet();
			XSSFRow header = sheet.createRow(0);
			header.createCell(0).setCellValue("Name");
			header.createCell(1).setCellValue("Credit_Code");
			header.createCell(2).setCellValue("region_code");
			header.createCell(3).setCellValue("contact_phone");
			XSSFRow row = sheet.createRow(1);
			row.createCell(0).setCellValue("嘉善光伏有限公司");
			row.createCell(1).setCellValue(code);
			row.createCell(2).setCellValue(330421);
			row.createCell(3).setCellValue(13800000000d);
			workbook.write(bytes);
			importing("enterprises.xlsx", bytes.toByteArray()).andExpect(status().isOk())
				.andExpect(jsonPath("$.created").value(1))
				.andExpect(jsonPath("$.rejected").isEmpty());
		}
		assertThat(this.enterprises.findByCreditCode(code).orElseThrow().getContactPhone()).isEqualTo("13800000000");
	}

	@Test
	void aForeignEnterpriseIsNotOverwrittenByAnImport() throws Exception {
		String foreign = this.world.firmB().getCreditCode();
		importing("enterprises.csv",
				"credit_code,name,region_code\n%s,改名,330421\n".formatted(foreign).getBytes(StandardCharsets.UTF_8))
			.andExpect(jsonPath("$.rejected[0].line").value(2))
			.andExpect(jsonPath("$.rejected[0].reason", containsString("不在您的辖区内")));
		assertThat(this.enterprises.findByCreditCode(foreign).orElseThrow().getName()).isNotEqualTo("改名");
	}

	@Test
	void workbooksThatUnpackTooFarAreRefusedWith413EightAtOnce() throws Exception {
		byte[] bigStrings = Workbooks.withSharedStrings(70L * 1024 * 1024, false);
		byte[] bomb = Workbooks.withSharedStrings(20L * 1024 * 1024, true);
		ExecutorService uploads = Executors.newFixedThreadPool(8);
		try {
			List<Future<MvcResult>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				byte[] file = i % 2 == 0 ? bigStrings : bomb;
				answers.add(uploads.submit(() -> importing("enterprises.xlsx", file).andReturn()));
			}
			for (Future<MvcResult> answer : answers) {
				MvcResult result = answer.get();
				assertThat(result.getResponse().getStatus()).isEqualTo(413);
				assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
				assertThat(result.getResponse().getContentAsString()).contains("too-large", "\"file\"");
			}
		}
		finally {
			uploads.shutdownNow();
		}
		importing("enterprises.xlsx", Workbooks.small()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.file", containsString("缺少：credit_code")));
	}

	@Test
	void aWrongHeaderRefusesTheWholeFileAndStoresNothing() throws Exception {
		String code = AdminFixtures.creditCode();
		importing("enterprises.csv",
				"credit_code,name,regoin_code\n%s,表头错误有限公司,330421\n".formatted(code).getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.file", containsString("缺少：region_code")))
			.andExpect(jsonPath("$.errors.file", containsString("无法识别：regoin_code")));
		this.mvc.perform(multipart("/api/v1/enterprises/import")
			.file(new MockMultipartFile("file", "enterprises.csv", "text/csv",
					"credit_code,name\n%s,表头错误有限公司\n".formatted(code).getBytes(StandardCharsets.UTF_8)))
			.header(HttpHeaders.AUTHORIZATION, this.world.dispatcherA().bearer())
			.accept("text/csv")).andExpect(status().isBadRequest());
		assertThat(this.enterprises.findByCreditCode(code)).isEmpty();
	}

	@Test
	void thousandsOfRowsAreStoredInChunksAndABadRowDoesNotLoseItsNeighbours() throws Exception {
		int rows = 3000;
		StringBuilder csv = new StringBuilder("credit_code,name,region_code,scale\n");
		for (int n = 1; n <= rows; n++) {
			int line = n + 1;
			String code = bulkCode(n);
			String region = "330421100";
			String name = "批量企业" + n;
			String scale = "SMALL";
			switch (line) {
				case 2 -> code = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
				case 1001 -> region = "330481";
				case 1002 -> code = this.world.firmB().getCreditCode();
				case 2001 -> name = "";
				case 2002 -> scale = "HUGE";
				case 2501 -> code = bulkCode(n - 1);
				default -> {
				}
			}
			csv.append(String.join(",", code, name, region, scale)).append('\n');
		}
		importing("enterprises.csv", csv.toString().getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(rows - 6))
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.refused").value(5))
			.andExpect(jsonPath("$.rejected[*].line").value(contains(2, 1001, 1002, 2001, 2002)))
			.andExpect(jsonPath("$.rejected[0].reason", containsString("不是有效的统一社会信用代码")))
			.andExpect(jsonPath("$.rejected[1].reason", containsString("您的辖区内没有区划 330481")))
			.andExpect(jsonPath("$.rejected[2].reason", containsString("不在您的辖区内")))
			.andExpect(jsonPath("$.rejected[3].reason", containsString("请填写name")))
			.andExpect(jsonPath("$.rejected[4].reason", containsString("“HUGE”无效")));
		for (int line : new int[] { 3, 1000, 1003, 2000, 2003, 3001 }) {
			assertThat(this.enterprises.findByCreditCode(bulkCode(line - 1))).as("the row on line %d", line)
				.hasValueSatisfying(firm -> assertThat(firm.getName()).isEqualTo("批量企业" + (line - 1)));
		}
		assertThat(this.enterprises.findByCreditCode(bulkCode(2499)).orElseThrow().getName()).isEqualTo("批量企业2500");
		assertThat(this.enterprises.findByCreditCode(this.world.firmB().getCreditCode()).orElseThrow().getName())
			.isNotEqualTo("批量企业1001");

		importing("enterprises.csv", csv.toString().replace("批量企业", "批量股份").getBytes(StandardCharsets.UTF_8))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(rows - 5))
			.andExpect(jsonPath("$.refused").value(5));
		assertThat(this.enterprises.findByCreditCode(bulkCode(1500)).orElseThrow())
			.satisfies(firm -> assertThat(firm.getName()).isEqualTo("批量股份1500"))
			.satisfies(firm -> assertThat(firm.getVersion()).isEqualTo(1));
	}

	@Test
	void everyRefusedRowIsAnsweredAsCsvOnRequest() throws Exception {
		StringBuilder csv = new StringBuilder("credit_code,name,region_code\n");
		for (int n = 1; n <= 1500; n++) {
			csv.append("不是代码").append(n).append(",某公司,330421\n");
		}
		csv.append(AdminFixtures.creditCode()).append(",好公司,330421\n");
		String answer = this.mvc
			.perform(multipart("/api/v1/enterprises/import")
				.file(new MockMultipartFile("file", "enterprises.csv", "text/csv",
						csv.toString().getBytes(StandardCharsets.UTF_8)))
				.header(HttpHeaders.AUTHORIZATION, this.world.dispatcherA().bearer())
				.accept("text/csv"))
			.andExpect(status().isOk())
			.andExpect(header().string("Import-Created", "1"))
			.andExpect(header().string("Import-Refused", "1500"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(answer.lines()).hasSize(1501)
			.startsWith("line,reason")
			.endsWith("1501,“不是代码1500”不是有效的统一社会信用代码：应为 18 位数字和大写字母（不含 I、O、S、V、Z），最后一位为校验码");
	}

	/** Codes of their own, in county A, apart from those of {@link AdminFixtures}. */
	private static String bulkCode(int n) {
		String first17 = "91330421BK" + String.format("%07d", n);
		return first17 + CreditCode.checkCharacter(first17);
	}

	private ResultActions importing(String filename, byte[] content) throws Exception {
		return this.mvc.perform(multipart("/api/v1/enterprises/import")
			.file(new MockMultipartFile("file", filename, "application/octet-stream", content))
			.header(HttpHeaders.AUTHORIZATION, this.world.dispatcherA().bearer()));
	}

}
