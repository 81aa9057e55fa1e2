package org.qiqing.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.qiqing.Browser;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.Officials;
import org.qiqing.TestWorld.World;
import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.NewAttachment;
import org.qiqing.casework.Outcome;
import org.qiqing.casework.StepInput;
import org.qiqing.organisation.Role;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The discipline forms on a 390-px phone in headless Chromium: an inspector holds a
 * person accountable from a finding's page (a missing name said beside its field, then
 * recorded), changes a supervision group on its action's page and reads its history; the
 * group's member finds the item waiting for his verification on his start page. Nothing
 * reaches past the screen. Screenshots in target/screenshots. Skipped where Debian's
 * chromium and chromium-driver are not installed.
 */
@IntegrationTest
class DisciplineFormsBrowserIntegrationTests {

	@Autowired
	World world;

	@Autowired
	Officials officials;

	@Autowired
	DisciplineManagement management;

	@Autowired
	DisciplineQueries queries;

	@Autowired
	CaseManagement cases;

	@RegisterExtension
	final Browser browser = Browser.atPhoneSize();

	@Test
	void anInspectorRecordsADecisionAndChangesAGroupAndTheMemberFindsHisWorkOnAPhone() {
		String run = Long.toString(System.nanoTime(), 36);
		Member inspector = this.officials.official("t.dfb.inspector." + run, Role.INSPECTOR, this.world.centreA(),
				"330421");
		Member member = this.officials.official("t.dfb.member." + run, Role.HANDLER, this.world.otherDeptA(), null);
		Member newcomer = this.officials.official("t.dfb.newcomer." + run, Role.HANDLER, this.world.centreA(), null);
		long action = this.management.createAction(new NewAction("窗口作风专项 " + run, this.world.centreA().getId(),
				LocalDate.now().minusDays(3), LocalDate.now().plusDays(30), List.of(), List.of(), List.of("一次性告知"),
				List.of(new NewAction.Group("第一督查组", inspector.actor().personId(),
						List.of(member.actor().personId())))),
				inspector.actor());
		long group = this.queries.action(action, inspector.actor()).groups().get(0).id();
		long inspection = this.management.recordInspection(action, new NewInspection(group, this.world.deptA().getId(),
				InspectionMode.PLANNED, LocalDate.now(), null, List.of(), null), inspector.actor());
		this.management.recordFinding(inspection,
				new NewFinding(this.queries.kinds().get(0).id(), null, "一次性告知不清晰，群众来回跑", null, "赵六"), List.of(),
				inspector.actor());
		long item = this.management.issueFindings(inspection, LocalDate.now().plusDays(10), inspector.actor()).get(0);
		Case kase = this.cases.find(item, this.world.handlerA().actor());
		kase = this.cases.perform(item, kase.getVersion(), CaseAction.CONTACT, StepInput.note("措施：重印告知单"),
				this.world.handlerA().actor());
		this.cases.perform(item, kase.getVersion(), CaseAction.RESOLVE,
				new StepInput(null, null, null, null, Outcome.SOLVED, "已重印", null, null,
						List.of(new NewAttachment("notice.pdf", "application/pdf", "%PDF-1.4".getBytes()))),
				this.world.handlerA().actor());

		// From the finding's page to the register's form, the finding's unit chosen.
		this.browser.loginAs(inspector);
		this.browser.get("/discipline/inspections/" + inspection);
		this.browser.tap(this.browser.find(By.linkText("登记问责")));
		this.browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.name("decidedBy")));
		assertThat(this.browser.find(By.id("decision-cause")).getText()).contains("一次性告知不清晰");
		new Select(this.browser.find(By.name("target"))).selectByValue("PERSON:ADMONITION");
		this.browser.find(By.name("decidedBy")).sendKeys("中共嘉善县纪委");
		this.browser.find(By.name("documentNumber")).sendKeys("嘉善纪〔2026〕" + run);
		this.browser.assertFitsOnScreen();
		this.browser.tap(this.browser.find(By.cssSelector("#accountability-form button[type=submit]")));
		// No name: said beside its field, what was typed kept.
		WebElement error = this.browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#accountability-form .flash.bad")));
		assertThat(error.getText()).contains("请更正");
		assertThat(this.browser.find(By.cssSelector("#accountability-form")).getText()).contains("请填写被问责人");
		assertThat(this.browser.find(By.name("documentNumber")).getAttribute("value")).isEqualTo("嘉善纪〔2026〕" + run);
		this.browser.assertFitsOnScreen();
		this.browser.screenshot("discipline-decision-error");
		this.browser.find(By.name("personName")).sendKeys("赵六");
		this.browser.tap(this.browser.find(By.cssSelector("#accountability-form button[type=submit]")));
		this.browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-recorded")));
		assertThat(this.browser.find(By.cssSelector("table.cases")).getText()).contains("赵六", "诫勉", "嘉善纪〔2026〕" + run);
		this.browser.assertFitsOnScreen();
		this.browser.screenshot("discipline-register");

		// The group gets a newcomer from a third unit on the action's page.
		this.browser.get("/discipline/actions/" + action);
		this.browser.tap(this.browser.find(By.cssSelector("#group-" + group + " summary")));
		WebElement members = this.browser.find(By.cssSelector("#group-" + group + " textarea[name=members]"));
		members.sendKeys("\n" + newcomer.username());
		this.browser.assertFitsOnScreen();
		this.browser.tap(this.browser.find(By.cssSelector("#group-" + group + " button[type=submit]")));
		this.browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("group-changes")));
		assertThat(this.browser.find(By.id("group-" + group)).getText()).contains(newcomer.username());
		assertThat(this.browser.find(By.id("group-changes")).getText()).contains("第 1 版");
		this.browser.assertFitsOnScreen();
		this.browser.screenshot("discipline-group-changed");
		this.browser.logout();

		// The member finds the item to verify and his group's action on his start page.
		this.browser.loginAs(member);
		this.browser.get("/discipline");
		WebElement mine = this.browser.find(By.id("my-work"));
		assertThat(mine.getText()).contains("一次性告知不清晰", "窗口作风专项 " + run, "已整改，待验收销号");
		this.browser.assertFitsOnScreen();
		this.browser.screenshot("discipline-my-work");
	}

}
