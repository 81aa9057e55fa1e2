package org.qiqing.statistics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --rebuild-statistics}: rebuilds every rollup from the case histories, logs what
 * it did and how long it took, and ends the application (exit 0).
 */
@Component
class RebuildCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String OPTION = "rebuild-statistics";

	private static final Logger log = LoggerFactory.getLogger(RebuildCommand.class);

	private final RollupRebuild rebuild;

	private final ConfigurableApplicationContext context;

	RebuildCommand(RollupRebuild rebuild, ConfigurableApplicationContext context) {
		this.rebuild = rebuild;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption(OPTION)) {
			return;
		}
		RollupRebuild.Result result = this.rebuild.rebuild();
		log.info("statistics rebuilt from {} steps: {} rollup rows (days, written in chunks), {} state rows in {} ms",
				result.steps(), result.rows(), result.stateRows(), result.millis());
		System.exit(SpringApplication.exit(this.context, this));
	}

	@Override
	public int getExitCode() {
		return 0;
	}

}
