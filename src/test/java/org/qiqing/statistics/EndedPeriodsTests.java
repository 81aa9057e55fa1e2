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
 * An ended period's measures are read once for everyone who sees the same (his unit, his
 * jurisdiction), apart for anyone else, and again once forgotten (a rebuild).
 */
class EndedPeriodsTests {

	private final Slice november = new Slice(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), null, null, null,
			null, null, false);

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void aPeriodIsReadOnceForEveryoneWhoSeesTheSameAndAgainOnceForgotten() {
		EndedPeriods periods = new EndedPeriods(new EndedPeriods.Settings(Duration.ofMinutes(10)));
		Actor leader = official(1, 7L, "/330400/330421/");
		Actor deputy = official(2, 7L, "/330400/330421/");
		Actor neighbour = official(3, 8L, "/330400/330481/");
		Figures.Counts first = periods.measures(leader, this.november, this::read);
		assertThat(periods.measures(deputy, this.november, this::read)).isSameAs(first);
		assertThat(this.reads).hasValue(1);
		periods.measures(neighbour, this.november, this::read);
		periods.measures(leader, this.november.withPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)),
				this::read);
		assertThat(this.reads).hasValue(3);
		periods.forget();
		assertThat(periods.measures(leader, this.november, this::read)).isNotSameAs(first);
		assertThat(this.reads).hasValue(4);
	}

	@Test
	void withoutATimeToKeepEveryAskReads() {
		EndedPeriods periods = new EndedPeriods(new EndedPeriods.Settings(Duration.ZERO));
		Actor leader = official(1, 7L, "/330400/330421/");
		periods.measures(leader, this.november, this::read);
		periods.measures(leader, this.november, this::read);
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
