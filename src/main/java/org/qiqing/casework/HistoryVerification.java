package org.qiqing.casework;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The command that checks the history: {@code --verify-history=all} or
 * {@code --verify-history=QQ-2026-330421-000123} recomputes the chain, prints the first
 * broken link (or that there is none) and ends the application with exit code 0 (intact)
 * or 1 (broken).
 */
@Component
class HistoryVerification implements ApplicationRunner, ExitCodeGenerator {

	static final String OPTION = "verify-history";

	private static final Logger log = LoggerFactory.getLogger(HistoryVerification.class);

	private final CaseHistory history;

	private final JdbcClient jdbc;

	private final org.springframework.context.ConfigurableApplicationContext context;

	private int exitCode;

	HistoryVerification(CaseHistory history, JdbcClient jdbc,
			org.springframework.context.ConfigurableApplicationContext context) {
		this.history = history;
		this.jdbc = jdbc;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption(OPTION)) {
			return;
		}
		String target = args.getOptionValues(OPTION).isEmpty() ? "all" : args.getOptionValues(OPTION).get(0);
		Optional<CaseHistory.BrokenLink> broken;
		if ("all".equals(target)) {
			broken = this.history.verifyAll();
		}
		else {
			Optional<Long> id = this.jdbc.sql("select id from cases where number = :number")
				.param("number", target)
				.query(Long.class)
				.optional();
			if (id.isEmpty()) {
				log.error("No case numbered {}", target);
				this.exitCode = 2;
				System.exit(org.springframework.boot.SpringApplication.exit(this.context, this));
			}
			broken = this.history.verify(id.get());
		}
		if (broken.isPresent()) {
			CaseHistory.BrokenLink link = broken.get();
			log.error("History BROKEN at case {} event {}: {}", link.caseNumber(), link.seq(), link.reason());
			this.exitCode = 1;
		}
		else {
			log.info("History intact ({})", target);
		}
		System.exit(org.springframework.boot.SpringApplication.exit(this.context, this));
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
