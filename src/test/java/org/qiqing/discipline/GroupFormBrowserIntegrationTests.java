package org.qiqing.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qiqing.Api;
import org.qiqing.Browser;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.Officials;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The supervision groups' forms with a thumb on a 390 × 844 phone, in Chinese and in
 * English: an inspector sets up an action on 纪检督查, adding groups with the script's button
 * (static/js/groups.js), filling them with a leader and members from two units, removing
 * one he no longer wants, and saves; then changes a group on the action's page (another
 * leader, a member gone, one from a third unit). Each time the groups stored, read back
 * through the API, are exactly the ones chosen, and nothing scrolls sideways. Screenshots
 * in target/screenshots. Skipped where Debian's Chromium is not installed.
 */
@IntegrationTest
class GroupFormBrowserIntegrationTests {

	private static final int PHONE_WIDTH = 390;

	@Autowired
	World world;

	@Autowired
	Officials officials;

	@Autowired
	Api api;

	@RegisterExtension
	final Browser browser = Browser.atPhoneSize();

	@ParameterizedTest
	@ValueSource(strings = { "zh_CN", "en" })
	void anInspectorSetsUpAndChangesGroupsFromSeveralUnitsWithAThumb(String language) throws Exception {
		boolean english = language.equals("en");
		String run = Long.toString(System.nanoTime(), 36);
		Member inspector = official("inspector", run, Role.INSPECTOR, this.world.centreA(), "330421");
		// Two of the county's departments and its centre lend the groups their people.
		Member economy1 = official("economy1", run, Role.HANDLER, this.world.deptA(), null);
		Member economy2 = official("economy2", run, Role.HANDLER, this.world.deptA(), null);
		Member planning1 = official("planning1", run, Role.HANDLER, this.world.otherDeptA(), null);
		Member planning2 = official("planning2", run, Role.HANDLER, this.world.otherDeptA(), null);
		Member centre = official("centre", run, Role.HANDLER, this.world.centreA(), null);

		this.browser.loginAs(inspector);
		this.browser.get("/discipline?lang=" + language);
		WebElement form = this.browser.find(By.cssSelector("#new-action form"));
		assertThumbSized(this.browser.find(By.cssSelector("#new-action summary")));
		this.browser.tap(this.browser.find(By.cssSelector("#new-action summary")));
		this.browser.waiting().until(ExpectedConditions.visibilityOf(form.findElement(By.name("theme"))));
		String theme = (english ? "Service conduct " : "窗口作风专项 ") + run;
		form.findElement(By.name("theme")).sendKeys(theme);
		form.findElement(By.name("checklist")).sendKeys(english ? "One-time notice" : "一次性告知");

		// Without a tap: two groups, the first not removable; the script shows its
		// button.
		assertThat(groups(form)).hasSize(2);
		WebElement add = form.findElement(By.cssSelector("[data-add-group]"));
		assertThat(add.isDisplayed()).isTrue();
		assertThat(removeButton(groups(form).get(0)).isDisplayed()).isFalse();
		assertThat(removeButton(groups(form).get(1)).isDisplayed()).isTrue();
		assertThumbSized(add);
		assertThumbSized(removeButton(groups(form).get(1)));
		assertThat(groups(form).get(0).findElement(By.cssSelector("label:has([name=groupName]) span")).getText())
			.isEqualTo(english ? "Group name" : "组名");

		// The first group: a leader of one department, members of two.
		fill(groups(form).get(0), english ? "Group one" : "第一督查组", planning1.username(),
				economy1.username() + "\n" + economy2.username() + "\n" + planning2.username());
		// Two more groups with the button: each comes empty, numbered, its name focused.
		this.browser.tap(add);
		this.browser.tap(add);
		List<WebElement> four = groups(form);
		assertThat(four).hasSize(4);
		assertThat(legends(form)).containsExactly(legend(english, 1), legend(english, 2), legend(english, 3),
				legend(english, 4));
		WebElement fourth = four.get(3);
		assertThat(this.browser.script("return document.activeElement === arguments[0];",
				fourth.findElement(By.name("groupName"))))
			.as("the new group's name focused")
			.isEqualTo(true);
		for (WebElement field : fourth.findElements(By.cssSelector("input, textarea"))) {
			assertThat(field.getAttribute("value")).as("a field of the added group").isEmpty();
		}
		// The third: the inspector himself leads (blank), members of a department and the
		// centre.
		fill(four.get(2), english ? "Group three" : "第三督查组", "", economy1.username() + ", " + centre.username());
		fill(fourth, english ? "Group four" : "第四督查组", economy2.username(), planning1.username());
		this.browser.assertFitsOnScreen();
		assertNoSidewaysScroll();
		screenshot("create-" + language, groups(form).get(2));

		// He changes his mind: the blank second group goes at a tap; the fourth, typed
		// in,
		// only once he says so (a slip keeps it); the rest are numbered again.
		this.browser.tap(removeButton(groups(form).get(1)));
		assertThat(groups(form)).hasSize(3);
		this.browser.tap(removeButton(groups(form).get(2)));
		Alert question = this.browser.waiting().until(ExpectedConditions.alertIsPresent());
		assertThat(question.getText()).startsWith(english ? "Remove this group?" : "移除此组？");
		question.dismiss();
		assertThat(groups(form)).hasSize(3);
		this.browser.tap(removeButton(groups(form).get(2)));
		this.browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
		assertThat(groups(form)).hasSize(2);
		assertThat(legends(form)).containsExactly(legend(english, 1), legend(english, 2));
		assertThat(groups(form).get(1).findElement(By.name("groupName")).getAttribute("value"))
			.isEqualTo(english ? "Group three" : "第三督查组");
		assertNoSidewaysScroll();
		this.browser.tap(form.findElement(By.cssSelector("button[type=submit]")));
		this.browser.waiting().until(ExpectedConditions.urlMatches("/discipline/actions/\\d+$"));
		long action = Long.parseLong(this.browser.driver().getCurrentUrl().replaceAll(".*/", ""));

		List<Map<String, Object>> stored = storedGroups(inspector, action);
		assertThat(stored).extracting(g -> g.get("name"))
			.containsExactly(english ? "Group one" : "第一督查组", english ? "Group three" : "第三督查组");
		assertGroup(stored.get(0), planning1, planning1, economy1, economy2, planning2);
		assertGroup(stored.get(1), inspector, inspector, economy1, centre);
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo(theme);
		assertNoSidewaysScroll();

		// On the action's page: the first group gets another leader, loses a member and
		// gains one of the centre.
		long first = ((Number) stored.get(0).get("id")).longValue();
		WebElement group = this.browser.find(By.id("group-" + first));
		assertThumbSized(group.findElement(By.tagName("summary")));
		this.browser.tap(group.findElement(By.tagName("summary")));
		WebElement leader = group.findElement(By.name("leader"));
		this.browser.waiting().until(ExpectedConditions.visibilityOf(leader));
		assertThat(leader.getAttribute("value")).isEqualTo(planning1.username());
		WebElement members = group.findElement(By.name("members"));
		assertThat(members.getAttribute("value").lines()).containsExactlyInAnyOrder(economy1.username(),
				economy2.username(), planning2.username());
		leader.clear();
		leader.sendKeys(economy1.username());
		members.clear();
		members.sendKeys(planning1.username() + "\n" + planning2.username() + "\n" + centre.username());
		assertThumbSized(group.findElement(By.cssSelector("button[type=submit]")));
		this.browser.assertFitsOnScreen();
		assertNoSidewaysScroll();
		screenshot("edit-" + language, group);
		this.browser.tap(group.findElement(By.cssSelector("button[type=submit]")));
		this.browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#group-" + first + " .flash.ok")));

		stored = storedGroups(inspector, action);
		assertGroup(stored.get(0), economy1, economy1, planning1, planning2, centre);
		assertGroup(stored.get(1), inspector, inspector, economy1, centre);
		assertThat(this.browser.find(By.id("group-changes")).getText()).contains(english ? "version 1" : "第 1 版");
		this.browser.assertFitsOnScreen();
		assertNoSidewaysScroll();
		screenshot("changed-" + language, this.browser.find(By.id("groups")));
	}

	private Member official(String role, String run, Role kind, org.qiqing.organisation.Unit unit,
			String jurisdiction) {
		return this.officials.official("t.gfb." + role + "." + run, kind, unit, jurisdiction);
	}

	private static List<WebElement> groups(WebElement form) {
		return form.findElements(By.cssSelector("[data-group]"));
	}

	private static WebElement removeButton(WebElement group) {
		return group.findElement(By.cssSelector("[data-remove-group]"));
	}

	private static List<String> legends(WebElement form) {
		return form.findElements(By.cssSelector("[data-group] legend")).stream().map(WebElement::getText).toList();
	}

	private static String legend(boolean english, int number) {
		return english ? "Group " + number : "第 " + number + " 督查组";
	}

	/** Types into a group's fields as a thumb would: tapped first, then typed. */
	private void fill(WebElement group, String name, String leader, String members) {
		this.browser.tap(group.findElement(By.name("groupName")));
		group.findElement(By.name("groupName")).sendKeys(name);
		if (!leader.isEmpty()) {
			this.browser.tap(group.findElement(By.name("leader")));
			group.findElement(By.name("leader")).sendKeys(leader);
		}
		this.browser.tap(group.findElement(By.name("members")));
		group.findElement(By.name("members")).sendKeys(members);
	}

	/**
	 * A button (or a summary) a thumb hits: at least 40 px high (the house's 2.5 rem) and
	 * wholly on screen.
	 */
	private void assertThumbSized(WebElement button) {
		this.browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
		assertThat(button.getSize().getHeight()).as("height of “%s”", button.getText()).isGreaterThanOrEqualTo(40);
		assertThat(button.getLocation().getX() + button.getSize().getWidth()).as("right edge of “%s”", button.getText())
			.isLessThanOrEqualTo(PHONE_WIDTH);
	}

	private void assertNoSidewaysScroll() {
		assertThat(((Number) this.browser.script("return document.documentElement.scrollWidth;")).intValue())
			.as("the page's width")
			.isLessThanOrEqualTo(PHONE_WIDTH);
	}

	/** The action's groups as the API answers them, in their order. */
	private List<Map<String, Object>> storedGroups(Member who, long action) throws Exception {
		MvcResult result = this.api.get(who, "/api/v1/discipline/actions/" + action);
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return JsonPath.read(Api.text(result), "$.groups");
	}

	/**
	 * A stored group has exactly this leader and these members (the leader among them).
	 */
	@SuppressWarnings("unchecked")
	private static void assertGroup(Map<String, Object> group, Member leader, Member... members) {
		assertThat(((Number) group.get("leaderId")).longValue()).as("leader of %s", group.get("name"))
			.isEqualTo(leader.actor().personId());
		assertThat(((List<Map<String, Object>>) group.get("members")).stream()
			.map(m -> ((Number) m.get("personId")).longValue())
			.toList()).as("members of %s", group.get("name"))
			.containsExactlyInAnyOrderElementsOf(
					java.util.Arrays.stream(members).map(m -> m.actor().personId()).toList());
	}

	/**
	 * The window with the element at its top, to target/screenshots/groupform-{name}.png,
	 * for a person to judge the form at 390 px.
	 */
	private void screenshot(String name, WebElement top) {
		this.browser.script("arguments[0].scrollIntoView({block: 'start'});", top);
		this.browser.screenshot("groupform-" + name);
	}

}
