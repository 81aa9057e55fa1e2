package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's partial indexes for the work queues name the states where the dispatcher
 * and the lead unit act; they must stay those of the workflow, or the queues fall back to
 * slow scans.
 */
class QueueIndexTests {

	static final Path MIGRATION = Path.of("src/main/resources/db/vendor/postgresql/V32__queue_and_list_filters.sql");

	@Test
	void partialIndexesNameTheStatesWhereEachPartyActs() throws IOException {
		List<Set<String>> lists = new ArrayList<>();
		Matcher matcher = Pattern.compile("where state in \\(([^)]*)\\)").matcher(Files.readString(MIGRATION));
		while (matcher.find()) {
			Set<String> states = new TreeSet<>();
			for (String literal : matcher.group(1).split(",")) {
				states.add(literal.trim().replace("'", ""));
			}
			lists.add(states);
		}
		// The dispatcher's by limit, the lead unit's, the dispatcher's by region.
		assertThat(lists).containsExactly(statesWhere(Party.DISPATCHER), statesWhere(Party.LEAD_UNIT),
				statesWhere(Party.DISPATCHER));
	}

	private static Set<String> statesWhere(Party party) {
		Set<String> states = new TreeSet<>();
		for (CaseKind kind : CaseKind.values()) {
			kind.workflow()
				.transitions()
				.stream()
				.filter(t -> t.by().contains(party) && t.action().waitsOnItsParty())
				.forEach(t -> t.from().forEach(s -> states.add(s.name())));
		}
		return states;
	}

}
