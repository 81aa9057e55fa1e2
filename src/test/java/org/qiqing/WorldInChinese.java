package org.qiqing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The people of the shared {@link TestWorld} read Chinese again after each test: a
 * logged-in person's pages follow the language he keeps with his account, and a test that
 * switches one of them to English ({@code ?lang=en}) must not leave the next test's pages
 * in English.
 */
class WorldInChinese implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		SpringExtension.getApplicationContext(context)
			.getBean(JdbcClient.class)
			.sql("update person set language = 'zh' where username like 't.%' and language <> 'zh'")
			.update();
	}

}
