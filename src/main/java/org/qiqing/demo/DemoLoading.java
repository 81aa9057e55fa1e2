package org.qiqing.demo;

import org.springframework.stereotype.Component;

/**
 * Whether the demonstration is still being written. The web server answers before it is
 * (the loading takes a minute or two, in an {@code ApplicationRunner}); until then a
 * person who logged in would find an empty county, so every page says it is loading
 * instead ({@link DemoLoadingFilter}).
 */
@Component
class DemoLoading {

	private volatile boolean loading;

	DemoLoading(DemoSettings settings) {
		this.loading = settings.enabled();
	}

	boolean isLoading() {
		return this.loading;
	}

	void started() {
		this.loading = true;
	}

	void finished() {
		this.loading = false;
	}

}
