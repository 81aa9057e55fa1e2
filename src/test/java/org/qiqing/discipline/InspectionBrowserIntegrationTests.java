package org.qiqing.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.qiqing.Api;
import org.qiqing.Browser;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.Officials;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.Role;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 15's path on a 390-px phone in headless Chromium: an inspector of 嘉善县 sets up an
 * action with its checklist and group; a member of the group records an unannounced
 * inspection with the network cut, with a finding and its photos; it waits on the phone
 * and arrives once when the network returns (and once more when sent again); the unit
 * does not see it until the inspector issues its finding as a rectification item, which
 * the unit signs for with its plan, reports on and reports done with evidence, and the
 * inspector closes (销号); a person is held accountable for the finding; and the four
 * figures of the year on /discipline each move by one. Skipped where Debian's chromium
 * and chromium-driver are not installed.
 */
@IntegrationTest
class InspectionBrowserIntegrationTests {

	private static final Map<String, Object> OFFLINE = Map.of("offline", true, "latency", 0, "downloadThroughput", -1,
			"uploadThroughput", -1);

	private static final Map<String, Object> ONLINE = Map.of("offline", false, "latency", 0, "downloadThroughput", -1,
			"uploadThroughput", -1);

	@Autowired
	World world;

	@Autowired
	Officials officials;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DisciplineQueries queries;

	@TempDir
	Path temp;

	@RegisterExtension
	final Browser browser = Browser.atPhoneSize();

	@Test
	void anUnannouncedInspectionRecordedOfflineBecomesARectificationItemTheGroupClosesAndTheFiguresMove()
			throws Exception {
		String run = Long.toString(System.nanoTime(), 36);
		Member inspector = this.officials.official("t.ib.inspector." + run, Role.INSPECTOR, this.world.centreA(),
				"330421");
		// A member of the group from another department: no discipline role of his own.
		Member member = this.officials.official("t.ib.member." + run, Role.HANDLER, this.world.otherDeptA(), null);
		Api api = new Api(this.mvc);
		LocalDate today = LocalDate.now(PlatformClock.CHINA);
		String year = "/discipline?from=" + today.withDayOfYear(1) + "&to=" + today.withDayOfYear(today.lengthOfYear());

		this.browser.loginAs(inspector);
		this.browser.get(year);
		List<Long> before = figures();
		this.browser.logout();

		// The inspector of 嘉善县 sets up the action with its checklist and its group.
		MvcResult created = api.post(inspector, "/api/v1/discipline/actions",
				"""
						{"theme": "窗口服务暗访 %s", "organiserUnitId": %d, "startsOn": "%s", "endsOn": "%s",
						 "checkpoints": ["一次性告知是否清楚", "办事是否来回跑"],
						 "groups": [{"name": "第一督查组", "leaderId": %d, "memberIds": [%d]}]}""".formatted(run,
						this.world.centreA().getId(), today, today.plusDays(30), inspector.actor().personId(),
						member.actor().personId()));
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		long actionId = ((Number) Api.read(created, "$.id")).longValue();

		// The member opens the inspection page on his phone, then loses the network.
		this.browser.loginAs(member);
		this.browser.get("/discipline/inspect?action=" + actionId);
		this.browser.waiting().until(d -> !this.browser.find(By.cssSelector("#checkpoint-list")).getText().isEmpty());
		network(OFFLINE);
		this.browser.waiting().until(d -> Boolean.FALSE.equals(this.browser.script("return navigator.onLine;")));
		WebElement form = this.browser.find(By.id("inspect-form"));
		new Select(form.findElement(By.name("actionId"))).selectByValue(Long.toString(actionId));
		new Select(form.findElement(By.name("unitId"))).selectByVisibleText(this.world.deptA().getName());
		this.browser.tap(form.findElement(By.cssSelector("input[name=mode][value=UNANNOUNCED]")));
		List<WebElement> points = form.findElements(By.cssSelector("#checkpoint-list .checkpoint"));
		assertThat(points).hasSize(2);
		points.get(0).findElement(By.name("note")).sendKeys("告知单表述不清");
		this.browser.tap(points.get(1).findElement(By.name("passed")));
		String summary = "窗口暗访 " + run;
		form.findElement(By.name("summary")).sendKeys(summary);
		this.browser.tap(this.browser.find(By.id("add-finding")));
		WebElement finding = this.browser.find(By.cssSelector("#finding-list .finding"));
		new Select(finding.findElement(By.name("kindId"))).selectByValue(Long.toString(kind("DILIGENCE")));
		finding.findElement(By.name("what")).sendKeys("一次性告知单不清楚，群众反复跑");
		finding.findElement(By.name("place")).sendKeys("办事大厅 3 号窗口");
		finding.findElement(By.name("people")).sendKeys("张某某");
		finding.findElement(By.name("photos"))
			.sendKeys(photo("window.png", Color.ORANGE) + "\n" + photo("notice.png", Color.CYAN));
		this.browser.waiting().until(d -> finding.findElements(By.cssSelector(".photos img")).size() == 2);
		this.browser.assertFitsOnScreen();
		this.browser.screenshot("inspection-offline-form");
		this.browser.tap(form.findElement(By.cssSelector("button[type=submit]")));

		this.browser.waiting().until(ExpectedConditions.textToBe(By.id("queue-count"), "1"));
		assertThat(this.browser.find(By.id("form-message")).getText()).isEqualTo("已保存在本机，联网后自动发送");
		assertThat(this.browser.find(By.cssSelector("#queue-list li")).getText()).contains("1 个问题", "2 张照片", "等待发送");
		assertThat(this.browser.find(By.id("net")).getText()).startsWith("离线");
		this.browser.assertFitsOnScreen();
		this.browser.screenshot("inspection-offline-waiting");
		assertThat(inspections(summary)).as("nothing reached the server while offline").isZero();

		// The network returns: it arrives once, with its finding and both photos.
		network(ONLINE);
		this.browser.waiting().until(ExpectedConditions.textToBe(By.id("queue-count"), "0"));
		assertThat(this.browser.find(By.id("form-message")).getText()).startsWith("已送达");
		this.browser.screenshot("inspection-sent");
		assertThat(inspections(summary)).isEqualTo(1);
		long inspectionId = this.jdbc.sql("select id from inspection where summary = :s")
			.param("s", summary)
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select mode from inspection where id = :id")
			.param("id", inspectionId)
			.query(String.class)
			.single()).isEqualTo("UNANNOUNCED");
		assertThat(this.queries.checks(inspectionId, inspector.actor())).containsExactly(
				new org.qiqing.discipline.Views.Check(1, false, "告知单表述不清"),
				new org.qiqing.discipline.Views.Check(2, true, null));
		assertThat(findings(inspectionId)).isEqualTo(1);
		assertThat(evidence(inspectionId)).isEqualTo(2);

		// The phone sends the same inspection again (an answer lost on the way): the
		// server answers with the first and keeps nothing more.
		String key = this.jdbc.sql("select client_key from inspection where id = :id")
			.param("id", inspectionId)
			.query(String.class)
			.single();
		async("""
				await qiqingInspections.enqueue({clientKey: '%s', actionId: %d, groupId: %d, unitId: %d,
				  mode: 'UNANNOUNCED', inspectedOn: '%s', summary: '%s', checks: [],
				  findings: [{kindId: %d, what: '又一次'}]}, [], 'again', '%s');
				await qiqingInspections.sync();
				return qiqingInspections.count();""".formatted(key, actionId, group(actionId, inspector),
				this.world.deptA().getId(), today, summary, kind("DILIGENCE"), member.username()));
		this.browser.waiting().until(d -> ((Number) async("return qiqingInspections.count();")).intValue() == 0);
		assertThat(inspections(summary)).isEqualTo(1);
		assertThat(findings(inspectionId)).isEqualTo(1);

		// Unannounced: the unit sees nothing of it before its findings are issued.
		assertThat(api.get(this.world.handlerA(), "/api/v1/discipline/inspections/" + inspectionId)
			.getResponse()
			.getStatus()).isEqualTo(404);
		this.browser.tap(this.browser.find(By.cssSelector("#sent-list a")));
		this.browser.waiting().until(ExpectedConditions.urlContains("/discipline/inspections/" + inspectionId));
		assertThat(this.browser.find(By.id("findings")).getText()).contains("一次性告知单不清楚", "张某某");
		this.browser.logout();

		// The inspector issues the finding as a rectification item.
		this.browser.loginAs(inspector);
		this.browser.get("/discipline/inspections/" + inspectionId);
		WebElement issue = this.browser.find(By.cssSelector("#issue form"));
		date(issue.findElement(By.name("dueDate")), today.plusDays(20));
		this.browser.tap(issue.findElement(By.cssSelector("button[type=submit]")));
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#findings a")));
		long itemId = this.jdbc.sql("select rectification_id from finding where inspection_id = :id")
			.param("id", inspectionId)
			.query(Long.class)
			.single();
		this.browser.logout();

		// The unit sees its finding now, without names, and works the item.
		assertThat(api.get(this.world.handlerA(), "/api/v1/discipline/inspections/" + inspectionId)
			.getResponse()
			.getContentAsString()).contains("一次性告知单不清楚").doesNotContain("张某某");
		this.browser.loginAs(this.world.handlerA());
		this.browser.get("/cases/" + itemId);
		step("contact", "措施：重印告知单；责任人：李科长；时限：两周", null);
		step("stage-reply", "告知单已送印", null);
		this.browser.get("/cases/" + itemId);
		WebElement resolve = open("resolve");
		new Select(resolve.findElement(By.name("outcome"))).selectByValue("SOLVED");
		resolve.findElement(By.name("answer")).sendKeys("已重印一次性告知单并上墙公示");
		step("resolve", "整改完成", photo("evidence.png", Color.GREEN));
		this.browser.assertFitsOnScreen();
		this.browser.screenshot("rectification-resolved");
		assertThat(state(itemId)).isEqualTo("RESOLVED");
		this.browser.logout();

		// The inspector checks the evidence and closes the item (验收销号).
		this.browser.loginAs(inspector);
		this.browser.get("/cases/" + itemId);
		step("confirm", "验收合格，予以销号", null);
		assertThat(state(itemId)).isEqualTo("CLOSED");
		this.browser.screenshot("rectification-closed");

		// A person is held accountable for the finding.
		long findingId = this.jdbc.sql("select id from finding where inspection_id = :id")
			.param("id", inspectionId)
			.query(Long.class)
			.single();
		MvcResult decision = api.post(inspector, "/api/v1/discipline/accountability", """
				{"causeType": "FINDING", "causeId": %d, "subject": "PERSON", "personName": "张某某", "unitId": %d,
				 "form": "ADMONITION", "decidedBy": "中共嘉善县纪委", "decidedOn": "%s", "documentNumber": "善纪〔%d〕%s号"}"""
			.formatted(findingId, this.world.deptA().getId(), today, today.getYear(), run));
		assertThat(decision.getResponse().getStatus()).as(decision.getResponse().getContentAsString()).isEqualTo(201);

		// The four figures of the year, each one more.
		this.browser.get(year);
		assertThat(figures()).containsExactly(before.get(0) + 1, before.get(1) + 1, before.get(2) + 1,
				before.get(3) + 1);
		this.browser.assertFitsOnScreen();
		this.browser.screenshot("discipline-figures-after");
	}

	/**
	 * The four figures' totals on /discipline: actions, units inspected, problems,
	 * people.
	 */
	private List<Long> figures() {
		return List.of("figure-actions", "figure-inspections", "figure-findings", "figure-people")
			.stream()
			.map(id -> Long.parseLong(this.browser.find(By.id(id)).getText().strip()))
			.toList();
	}

	/** Opens a step of the case page (folded unless it is the first). */
	private WebElement open(String slug) {
		WebElement step = this.browser.find(By.id("step-" + slug));
		if (step.getDomAttribute("open") == null) {
			this.browser.tap(step.findElement(By.tagName("summary")));
		}
		return step;
	}

	/**
	 * Takes a step on the case page with a note (and a file), and waits for its answer.
	 */
	private void step(String slug, String note, String file) {
		String page = this.browser.driver().getCurrentUrl();
		try {
			takeStep(slug, note, file);
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw ex;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			// The page was replaced between finding the button and tapping it ("node does
			// not belong to the document", seen once on a loaded CI machine): nothing was
			// sent, so read the page again and take the step once more.
			this.browser.driver().get(page);
			takeStep(slug, note, file);
		}
	}

	private void takeStep(String slug, String note, String file) {
		WebElement step = open(slug);
		step.findElement(By.name("note")).sendKeys(note);
		if (file != null) {
			step.findElement(By.name("files")).sendKeys(file);
		}
		WebElement button = step.findElement(By.cssSelector("button[type=submit]"));
		this.browser.tap(button);
		this.browser.waiting().until(ExpectedConditions.stalenessOf(button));
		assertThat(this.browser.driver().getPageSource()).doesNotContain("class=\"flash bad\"");
	}

	private void date(WebElement input, LocalDate day) {
		this.browser.script("arguments[0].value = arguments[1];", input, day.toString());
	}

	private long kind(String code) {
		return this.queries.kinds().stream().filter(k -> k.code().equals(code)).findFirst().orElseThrow().id();
	}

	private long group(long actionId, Member inspector) {
		return this.queries.action(actionId, inspector.actor()).groups().get(0).id();
	}

	/** A real photo of 800 x 600 px, for the page to shrink and queue. */
	private String photo(String name, Color color) throws IOException {
		BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, 800, 600);
		g.setColor(Color.BLACK);
		g.fillOval(200, 150, 400, 300);
		g.dispose();
		Path file = this.temp.resolve(name);
		ImageIO.write(image, "png", file.toFile());
		return file.toAbsolutePath().toString();
	}

	private int inspections(String summary) {
		return this.jdbc.sql("select count(*) from inspection where summary = :s")
			.param("s", summary)
			.query(Integer.class)
			.single();
	}

	private int findings(long inspectionId) {
		return this.jdbc.sql("select count(*) from finding where inspection_id = :id")
			.param("id", inspectionId)
			.query(Integer.class)
			.single();
	}

	private int evidence(long inspectionId) {
		return this.jdbc.sql("""
				select count(*) from finding_evidence e join finding f on f.id = e.finding_id
				where f.inspection_id = :id""").param("id", inspectionId).query(Integer.class).single();
	}

	private String state(long caseId) {
		return this.jdbc.sql("select state from cases where id = :id").param("id", caseId).query(String.class).single();
	}

	/** Cuts or restores the page's network, as DevTools does. */
	private void network(Map<String, Object> conditions) {
		this.browser.driver().executeCdpCommand("Network.enable", Map.of());
		this.browser.driver().executeCdpCommand("Network.emulateNetworkConditions", new HashMap<>(conditions));
	}

	/** Runs an async function body in the page and returns what it resolves to. */
	private Object async(String body) {
		return this.browser.driver()
			.executeAsyncScript("const done = arguments[arguments.length - 1]; (async () => { " + body
					+ " })().then(done, e => done('failed: ' + e));");
	}

}
