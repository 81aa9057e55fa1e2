package org.qiqing.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;

/**
 * An ended month's measures are read once for everyone who sees the same (his unit, his
 * jurisdiction), apart for anyone else, and again once forgotten (a rebuild).
 */
class EndedMonthsTests {

	private final Slice november = new Slice(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), null, null, null,
			null, null, false);

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void aMonthIsReadOnceForEveryoneWhoSeesTheSameAndAgainOnceForgotten() {
		EndedMonths months = new EndedMonths(new EndedMonths.Settings(Duration.ofMinutes(10)));
		Actor leader = official(1, 7L, "/330400/330421/");
		Actor deputy = official(2, 7L, "/330400/330421/");
		Actor neighbour = official(3, 8L, "/330400/330481/");
		Figures.Counts first = months.measures(leader, this.november, this::read);
		assertThat(months.measures(deputy, this.november, this::read)).isSameAs(first);
		assertThat(this.reads).hasValue(1);
		months.measures(neighbour, this.november, this::read);
		months.measures(leader, this.november.withPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)),
				this::read);
		assertThat(this.reads).hasValue(3);
		months.forget();
		assertThat(months.measures(leader, this.november, this::read)).isNotSameAs(first);
		assertThat(this.reads).hasValue(4);
	}

	@Test
	void withoutATimeToKeepEveryAskReads() {
		EndedMonths months = new EndedMonths(new EndedMonths.Settings(Duration.ZERO));
		Actor leader = official(1, 7L, "/330400/330421/");
		months.measures(leader, this.november, this::read);
		months.measures(leader, this.november, this::read);
		assertThat(this.reads).hasValue(2);
	}

	private Figures.Counts read() {
		this.reads.incrementAndGet();
		return new Figures.Counts();
	}

	private static Actor official(long id, Long unit, String path) {
		return new Actor(id, "p" + id, "p" + id, unit, null, path, Set.of(Role.LEADER));
	}

}
