package org.qiqing.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether to load the demonstration data into an empty database, and how much.
 */
@ConfigurationProperties("qiqing.demo")
record DemoSettings(boolean enabled, Integer enterprises, Integer cases, Integer history, String password) {

	DemoSettings {
		enterprises = enterprises == null ? 500 : enterprises;
		cases = cases == null ? 2000 : cases;
		// The past year of 嘉善县, closed cases beyond those of the last weeks.
		history = history == null ? 1000 : history;
		password = password == null ? "demo" : password;
	}

}
