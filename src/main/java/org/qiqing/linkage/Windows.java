package org.qiqing.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The frequency windows that overlap a period, as a small table for the coverage query:
 * for each frequency, every calendar window from the one holding the period's first day
 * to the one holding its last, and whether it is over (ended before today). A month has
 * one window of each frequency; a year twelve monthly, four quarterly, two half-yearly
 * and one yearly.
 */
final class Windows {

	private record Window(LinkFrequency frequency, LocalDate start, LocalDate end, boolean closed) {
	}

	private final List<Window> windows = new ArrayList<>();

	Windows(CoveragePeriod period, LocalDate today) {
		for (LinkFrequency frequency : LinkFrequency.values()) {
			for (LocalDate start = frequency.windowStart(period.from()); !start.isAfter(period.to()); start = start
				.plusMonths(frequency.months())) {
				LocalDate end = frequency.windowEnd(start);
				this.windows.add(new Window(frequency, start, end, end.isBefore(today)));
			}
		}
	}

	/** The table as a union of one-row selects, its values bound parameters. */
	String sql() {
		return IntStream.range(0, this.windows.size())
			.mapToObj(i -> ("select cast(:wf%1$d as varchar(12)) as frequency, cast(:ws%1$d as date) as ws,"
					+ " cast(:we%1$d as date) as we, cast(:wc%1$d as int) as closed")
				.formatted(i))
			.collect(Collectors.joining(" union all "));
	}

	StatementSpec bind(StatementSpec statement) {
		for (int i = 0; i < this.windows.size(); i++) {
			Window window = this.windows.get(i);
			statement = statement.param("wf" + i, window.frequency().name())
				.param("ws" + i, window.start())
				.param("we" + i, window.end())
				.param("wc" + i, window.closed() ? 1 : 0);
		}
		return statement;
	}

}
