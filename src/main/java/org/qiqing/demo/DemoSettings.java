package org.qiqing.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether to load the demonstration data into an empty database, and how much.
 */
@ConfigurationProperties("qiqing.demo")
record DemoSettings(boolean enabled, Integer enterprises, Integer cases, String password) {

	DemoSettings {
		enterprises = enterprises == null ? 500 : enterprises;
		cases = cases == null ? 2000 : cases;
		password = password == null ? "demo" : password;
	}

}
