package org.qiqing;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiqing.TestWorld.World;
import org.qiqing.casework.Categories;
import org.qiqing.casework.Category;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Category administration with a thumb, at phone width (390 × 844): the city's
 * administrator adds a child under a category, renames it and retires it, each on the
 * page, and the page never scrolls sideways. Skipped where Debian's Chromium is not
 * installed.
 */
@IntegrationTest
class CategoryBrowserIntegrationTests {

	private static final Dimension PHONE = new Dimension(390, 844);

	@Autowired
	World world;

	@Autowired
	Categories categories;

	/** The person at the browser; {@code browser} is his Chromium. */
	@RegisterExtension
	final Browser person = Browser.atPhoneSize();

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
		this.browser = this.person.driver();
		this.wait = this.person.waiting();
	}

	@Test
	void anAdministratorAddsRenamesAndRetiresAChildOnAPhone() throws IOException {
		String name = AdminFixtures.unique("手机新增");
		String renamed = name + "（改）";
		this.person.loginAs(this.world.admin());
		this.browser.get(this.person.url("/admin/categories"));
		this.person.assertFitsOnScreen();

		// Create a child under the world's category.
		WebElement creation = this.browser.findElement(By.id("new-category"));
		creation.findElement(By.tagName("summary")).click();
		creation.findElement(By.name("name")).sendKeys(name);
		creation.findElement(By.name("nameEn")).sendKeys("Phone test");
		new Select(creation.findElement(By.name("parentId"))).selectByValue(Long.toString(this.world.category().id()));
		creation.findElement(By.cssSelector("button[type=submit]")).click();
		WebElement card = card(name);
		assertThat(card.getAttribute("class")).contains("depth-1");
		assertThat(card.findElement(By.cssSelector(".flash.ok")).isDisplayed()).isTrue();
		Category child = this.categories.offered()
			.stream()
			.filter(c -> c.name().equals(name))
			.findFirst()
			.orElseThrow();
		assertThat(child.parentId()).isEqualTo(this.world.category().id());
		this.person.screenshot("categories-created-390");

		// Rename it.
		WebElement describe = card.findElement(By.cssSelector("details.category-describe"));
		describe.findElement(By.tagName("summary")).click();
		WebElement nameField = describe.findElement(By.name("name"));
		nameField.clear();
		nameField.sendKeys(renamed);
		describe.findElement(By.cssSelector("button[type=submit]")).click();
		card = card(renamed);
		assertThat(this.categories.find(child.id()).orElseThrow().name()).isEqualTo(renamed);

		// Retire it: the page asks first.
		card.findElement(By.cssSelector("form.category-retire button")).click();
		this.wait.until(ExpectedConditions.alertIsPresent()).accept();
		card = card(renamed);
		assertThat(card.getAttribute("class")).contains("retired");
		assertThat(card.findElement(By.cssSelector(".retired-tag")).getText()).isEqualTo("已停用");
		assertThat(this.categories.offered()).extracting(Category::id).doesNotContain(child.id());
		this.person.assertFitsOnScreen();
		this.person.screenshot("categories-retired-390");
	}

	private WebElement card(String name) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//article[contains(@class,'category')][.//span[@class='category-name'][normalize-space()='"
						+ name + "']]")));
	}

}
