package org.qiqing.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The commands that check and seal the history, then end the application:
 * <ul>
 * <li>{@code --verify-history=all} checks every case, every number issued and, when
 * checkpoints are read, the latest checkpoint; {@code --verify-history=QQ-…} one case. It
 * prints every difference (case, event, what differs) and exits with 0 (intact), 1
 * (broken) or 2 (no such case).</li>
 * <li>{@code --checkpoint-history} writes a signed checkpoint (exit 0), unless the
 * history is broken (exit 1).</li>
 * </ul>
 */
@Component
class HistoryVerification implements ApplicationRunner, ExitCodeGenerator {

	static final String OPTION = "verify-history";

	static final String CHECKPOINT = "checkpoint-history";

	private static final Logger log = LoggerFactory.getLogger(HistoryVerification.class);

	private final HistoryAudit audit;

	private final HistoryCheckpoints checkpoints;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final ConfigurableApplicationContext context;

	private int exitCode;

	HistoryVerification(HistoryAudit audit, HistoryCheckpoints checkpoints, JdbcClient jdbc, MessageSource messages,
			ConfigurableApplicationContext context) {
		this.audit = audit;
		this.checkpoints = checkpoints;
		this.jdbc = jdbc;
		this.messages = messages;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.containsOption(CHECKPOINT)) {
			this.exitCode = this.checkpoints.write().isPresent() ? 0 : 1;
		}
		else if (args.containsOption(OPTION)) {
			List<String> values = args.getOptionValues(OPTION);
			this.exitCode = verify(values.isEmpty() ? "all" : values.get(0));
		}
		else {
			return;
		}
		System.exit(SpringApplication.exit(this.context, this));
	}

	/**
	 * Verifies the history of one case or of all, logging what it finds.
	 * @return the exit code: 0 intact, 1 broken, 2 no such case
	 */
	int verify(String target) {
		HistoryAudit.Report report;
		List<HistoryFinding> findings = new ArrayList<>();
		if ("all".equals(target)) {
			Optional<HistoryCheckpoints.Checkpoint> checkpoint = this.checkpoints.latest();
			report = checkpoint.isPresent() ? this.audit.all(checkpoint.get().sealedUpTo()) : this.audit.all();
			findings.addAll(report.findings());
			checkpoint.ifPresentOrElse(latest -> {
				findings.addAll(this.checkpoints.compare(latest, report.roots().get(0)));
				log.info(text("history.verify.checkpoint", latest.name(), latest.treeSize(), latest.sealedUpTo()));
			}, () -> log.warn(text("history.verify.noCheckpoint")));
		}
		else {
			Optional<Long> id = this.jdbc.sql("select id from cases where number = :number")
				.param("number", target)
				.query(Long.class)
				.optional();
			if (id.isEmpty()) {
				log.error(text("history.verify.noCase", target));
				return 2;
			}
			report = this.audit.of(id.get());
			findings.addAll(report.findings());
		}
		long count = report.findingCount() + findings.size() - report.findings().size();
		if (count == 0) {
			log.info(text("history.verify.intact", target, report.cases(), report.events()));
			return 0;
		}
		log.error(text("history.verify.broken", target, count));
		for (HistoryFinding finding : findings) {
			log.error(text(finding.messageKey(), finding.messageArguments()));
		}
		if (count > findings.size()) {
			log.error(text("history.verify.more", count - findings.size()));
		}
		return 1;
	}

	private String text(String key, Object... arguments) {
		Locale locale = HistoryCheckpoints.consoleLocale();
		return this.messages.getMessage(key, arguments, locale);
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
