package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Bad input, stale versions and retries: each gets a clear problem detail, and nothing is
 * half-written.
 */
@IntegrationTest
class CaseApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@Test
	void malformedJsonIsAProblemAndFilesNothing() throws Exception {
		long before = caseCount();
		MvcResult result = api().post(this.world.enterpriseA(), "/api/v1/cases", "{\"categoryId\": 1, \"title\": ");
		assertProblem(result, 400);
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void wrongTypesAndMissingOrOversizeFieldsAreNamed() throws Exception {
		assertProblem(api().post(this.world.enterpriseA(), "/api/v1/cases", "{\"categoryId\": \"many\"}"), 400);
		MvcResult missing = api().post(this.world.enterpriseA(), "/api/v1/cases",
				"{\"categoryId\": %d}".formatted(this.world.category().id()));
		assertProblem(missing, 400);
		assertThat(Api.read(missing, "$.errors.title")).isNotNull();
		assertThat(Api.read(missing, "$.errors.description")).isNotNull();
		MvcResult oversize = api().post(this.world.enterpriseA(), "/api/v1/cases",
				"{\"categoryId\": %d, \"title\": \"%s\", \"description\": \"x\"}".formatted(this.world.category().id(),
						"长".repeat(201)));
		assertProblem(oversize, 400);
		assertThat(Api.read(oversize, "$.errors.title")).isNotNull();
	}

	@Test
	void anUnknownCategoryOrAForeignEnterpriseIsRefused() throws Exception {
		long before = caseCount();
		MvcResult unknown = api().post(this.world.dispatcherA(), "/api/v1/cases",
				"{\"categoryId\": 999999, \"enterpriseId\": %d, \"title\": \"t\", \"description\": \"d\"}"
					.formatted(this.world.firmA().getId()));
		assertProblem(unknown, 400);
		assertThat(Api.read(unknown, "$.errors.categoryId")).isNotNull();
		MvcResult foreign = api().post(this.world.dispatcherA(), "/api/v1/cases",
				"{\"categoryId\": %d, \"enterpriseId\": %d, \"title\": \"t\", \"description\": \"d\"}"
					.formatted(this.world.category().id(), this.world.firmB().getId()));
		assertProblem(foreign, 400);
		assertThat(Api.read(foreign, "$.errors.enterpriseId")).isNotNull();
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void aStepNotAllowedInTheStateOrForTheRoleIsAConflictAndChangesNothing() throws Exception {
		long id = fileAsEnterprise();
		assertProblem(api().step(this.world.dispatcherA(), id, 0, "resolve",
				"{\"outcome\": \"SOLVED\", \"answer\": \"done\"}"), 409);
		// Not yet assigned to his unit, so the handler cannot even see it.
		assertProblem(api().step(this.world.handlerA(), id, 0, "contact", "{\"note\": \"hi\"}"), 404);
		assertProblem(api().step(this.world.enterpriseA(), id, 0, "accept", "{}"), 409);
		assertProblem(api().step(this.world.dispatcherA(), id, 0, "no-such-step", "{}"), 404);
		assertUnchanged(id, 0, 1);
	}

	@Test
	void aStaleVersionIsRefusedWith412AndChangesNothing() throws Exception {
		long id = fileAsEnterprise();
		assertThat(api().step(this.world.dispatcherA(), id, 0, "accept", "{}").getResponse().getStatus())
			.isEqualTo(200);
		MvcResult stale = api().step(this.world.dispatcherA(), id, 0, "assign",
				"{\"leadUnitId\": %d, \"dueDate\": \"%s\"}".formatted(this.world.deptA().getId(),
						LocalDate.now().plusDays(3)));
		assertProblem(stale, 412);
		assertUnchanged(id, 1, 2);
	}

	@Test
	void aStepWithoutIfMatchIsRefusedWith428() throws Exception {
		long id = fileAsEnterprise();
		MvcResult result = this.mvc
			.perform(post("/api/v1/cases/" + id + "/accept")
				.header(HttpHeaders.AUTHORIZATION, this.world.dispatcherA().bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andReturn();
		assertProblem(result, 428);
		assertUnchanged(id, 0, 1);
	}

	@Test
	void aRetriedCreateReturnsTheFirstResponseAndFilesOnce() throws Exception {
		String body = "{\"categoryId\": %d, \"title\": \"重试\", \"description\": \"网络中断后重发\"}"
			.formatted(this.world.category().id());
		long before = caseCount();
		MvcResult first = createWithKey(this.world.enterpriseA(), "retry-1", body);
		MvcResult again = createWithKey(this.world.enterpriseA(), "retry-1", body);
		assertThat(first.getResponse().getStatus()).isEqualTo(201);
		assertThat(again.getResponse().getStatus()).isEqualTo(201);
		assertThat(again.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
		assertThat(again.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
		assertThat(caseCount()).isEqualTo(before + 1);
		MvcResult reused = createWithKey(this.world.enterpriseA(), "retry-1", body.replace("重试", "另一个"));
		assertProblem(reused, 422);
		assertThat(caseCount()).isEqualTo(before + 1);
	}

	@Test
	void twinsSentTogetherFileOnceAndGetOneAnswer() throws Exception {
		String body = "{\"categoryId\": %d, \"title\": \"双发\", \"description\": \"客户端超时后立即重发\"}"
			.formatted(this.world.category().id());
		long before = caseCount();
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService twins = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.Callable<MvcResult> send = () -> {
				start.await();
				return createWithKey(this.world.enterpriseA(), "twin-1", body);
			};
			java.util.concurrent.Future<MvcResult> one = twins.submit(send);
			java.util.concurrent.Future<MvcResult> other = twins.submit(send);
			start.countDown();
			assertThat(one.get().getResponse().getStatus()).isEqualTo(201);
			assertThat(other.get().getResponse().getStatus()).isEqualTo(201);
			assertThat(other.get().getResponse().getContentAsString())
				.isEqualTo(one.get().getResponse().getContentAsString());
		}
		finally {
			twins.shutdown();
		}
		assertThat(caseCount()).isEqualTo(before + 1);
	}

	@Test
	void aRetriedRefusalGetsTheSameAnswerAndChangesNothing() throws Exception {
		long before = caseCount();
		String body = "{\"categoryId\": %d, \"description\": \"没有标题\"}".formatted(this.world.category().id());
		MvcResult first = createWithKey(this.world.enterpriseA(), "refused-1", body);
		MvcResult again = createWithKey(this.world.enterpriseA(), "refused-1", body);
		assertProblem(first, 400);
		assertProblem(again, 400);
		assertThat(again.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void aRetriedStepIsTakenOnce() throws Exception {
		long id = fileAsEnterprise();
		for (int attempt = 0; attempt < 2; attempt++) {
			MvcResult result = this.mvc
				.perform(post("/api/v1/cases/" + id + "/accept")
					.header(HttpHeaders.AUTHORIZATION, this.world.dispatcherA().bearer())
					.header(HttpHeaders.IF_MATCH, "\"0\"")
					.header("Idempotency-Key", "accept-" + id)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{}"))
				.andReturn();
			assertThat(result.getResponse().getStatus()).isEqualTo(200);
		}
		assertUnchanged(id, 1, 2);
	}

	@Test
	void aDisallowedAttachmentIsRefusedAndFilesNothing() throws Exception {
		long before = caseCount();
		MockMultipartFile json = new MockMultipartFile("case", "", MediaType.APPLICATION_JSON_VALUE,
				"{\"categoryId\": %d, \"title\": \"附件\", \"description\": \"带附件\"}"
					.formatted(this.world.category().id())
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		MockMultipartFile script = new MockMultipartFile("files", "invoice.pdf", "application/pdf",
				"#!/bin/sh\nrm -rf /".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		MvcResult result = this.mvc
			.perform(multipart("/api/v1/cases").file(json)
				.file(script)
				.header(HttpHeaders.AUTHORIZATION, this.world.enterpriseA().bearer()))
			.andReturn();
		assertProblem(result, 400);
		assertThat(caseCount()).isEqualTo(before);

		MockMultipartFile pdf = new MockMultipartFile("files", "营业执照.pdf", "application/pdf",
				"%PDF-1.4 test".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		MvcResult accepted = this.mvc
			.perform(multipart("/api/v1/cases").file(json)
				.file(pdf)
				.header(HttpHeaders.AUTHORIZATION, this.world.enterpriseA().bearer()))
			.andReturn();
		assertThat(accepted.getResponse().getStatus()).isEqualTo(201);
		long id = ((Number) Api.read(accepted, "$.id")).longValue();
		MvcResult timeline = api().get(this.world.enterpriseA(), "/api/v1/cases/" + id + "/timeline");
		assertThat(Api.read(timeline, "$[0].attachments[0].filename")).isEqualTo("营业执照.pdf");
	}

	@Test
	void anAttachmentWhoseNameDeclaredTypeAndContentDisagreeIsRefusedByName() throws Exception {
		long before = caseCount();
		byte[] pdf = "%PDF-1.7\n1 0 obj".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };
		java.util.List<MockMultipartFile> refused = java.util.List.of(
				new MockMultipartFile("files", "x.html", "text/html", pdf),
				new MockMultipartFile("files", "x.exe", "application/octet-stream", pdf),
				new MockMultipartFile("files", "x.svg", "image/svg+xml", png),
				new MockMultipartFile("files", "x.pdf", "text/html", pdf),
				new MockMultipartFile("files", "x.png", "image/png", pdf),
				new MockMultipartFile("files", "x.docx", "application/octet-stream", zip("word/document.xml")));
		for (MockMultipartFile file : refused) {
			MvcResult result = this.mvc
				.perform(multipart("/api/v1/cases").file(caseJson())
					.file(file)
					.header(HttpHeaders.AUTHORIZATION, this.world.enterpriseA().bearer()))
				.andReturn();
			assertProblem(result, 400);
			assertThat((String) Api.read(result, "$.errors.files")).as(file.getOriginalFilename())
				.contains(file.getOriginalFilename());
		}
		assertThat(caseCount()).isEqualTo(before);

		MvcResult accepted = this.mvc
			.perform(multipart("/api/v1/cases").file(caseJson())
				.file(new MockMultipartFile("files", "营业执照.pdf", "application/octet-stream", pdf))
				.file(new MockMultipartFile("files", "报表.docx",
						"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
						zip("[Content_Types].xml", "word/document.xml")))
				.header(HttpHeaders.AUTHORIZATION, this.world.enterpriseA().bearer()))
			.andReturn();
		assertThat(accepted.getResponse().getStatus()).as(accepted.getResponse().getContentAsString()).isEqualTo(201);
		long id = ((Number) Api.read(accepted, "$.id")).longValue();
		MvcResult timeline = api().get(this.world.enterpriseA(), "/api/v1/cases/" + id + "/timeline");
		Number attachmentId = (Number) Api.read(timeline, "$[0].attachments[0].id");
		MvcResult download = api().get(this.world.enterpriseA(),
				"/api/v1/cases/" + id + "/attachments/" + attachmentId);
		assertThat(download.getResponse().getStatus()).isEqualTo(200);
		assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
			.contains("filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf");
	}

	private MockMultipartFile caseJson() {
		return new MockMultipartFile("case", "", MediaType.APPLICATION_JSON_VALUE,
				"{\"categoryId\": %d, \"title\": \"附件\", \"description\": \"带附件\"}"
					.formatted(this.world.category().id())
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** A zip of these empty entries, as an Office document is one. */
	private static byte[] zip(String... entries) throws java.io.IOException {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
			for (String entry : entries) {
				zip.putNextEntry(new java.util.zip.ZipEntry(entry));
				zip.write("<x/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	@Test
	void withoutATokenTheApiAnswers401AndActuatorIsForAdministratorsOnly() throws Exception {
		assertProblem(api().get(null, "/api/v1/queue"), 401);
		assertThat(api().get(null, "/actuator/health").getResponse().getStatus()).isEqualTo(401);
		assertThat(api().get(this.world.enterpriseA(), "/actuator/health").getResponse().getStatus()).isEqualTo(403);
		assertThat(api().get(this.world.admin(), "/actuator/health").getResponse().getStatus()).isEqualTo(200);
		MvcResult metrics = api().get(this.world.admin(), "/actuator/prometheus");
		assertThat(metrics.getResponse().getStatus()).isEqualTo(200);
		assertThat(metrics.getResponse().getContentAsString()).contains("jvm_memory");
	}

	@Test
	void theApiIsDescribedByOpenApi() throws Exception {
		MvcResult docs = api().get(null, "/v3/api-docs");
		assertThat(docs.getResponse().getStatus()).isEqualTo(200);
		assertThat(docs.getResponse().getContentAsString()).contains("/api/v1/cases/{id}/{action}");
	}

	private MvcResult createWithKey(Member who, String key, String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/cases").header(HttpHeaders.AUTHORIZATION, who.bearer())
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn();
	}

	private long fileAsEnterprise() throws Exception {
		return api().fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
	}

	private void assertUnchanged(long id, int version, int events) {
		assertThat(
				this.jdbc.sql("select version from cases where id = :id").param("id", id).query(Integer.class).single())
			.isEqualTo(version);
		assertThat(this.jdbc.sql("select count(*) from case_event where case_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(events);
	}

	private long caseCount() {
		return this.jdbc.sql("select count(*) from cases").query(Long.class).single();
	}

	private static void assertProblem(MvcResult result, int status) throws Exception {
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception").doesNotContain("at org.");
	}

	private Api api() {
		return new Api(this.mvc);
	}

}
