package org.qiqing.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * The spot-check draw: its size, that it is reproducible, and that every case of the
 * population has its chance (none is left out by the way it is drawn).
 */
class SampleTests {

	private static final List<Long> THOUSAND = LongStream.rangeClosed(1, 1000).boxed().toList();

	@Test
	void drawsTheShareRoundedUpAndAtLeastOneOfAnyPopulation() {
		assertThat(Sample.draw(THOUSAND, "s", 0.10)).hasSize(100);
		assertThat(Sample.draw(LongStream.rangeClosed(1, 95).boxed().toList(), "s", 0.10)).hasSize(10);
		assertThat(Sample.draw(List.of(7L), "s", 0.10)).containsExactly(7L);
		assertThat(Sample.draw(List.of(), "s", 0.10)).isEmpty();
		assertThat(Sample.draw(THOUSAND, "s", 1.0)).hasSize(1000);
		assertThat(Sample.size(30, 0.10)).isEqualTo(3);
		assertThat(Sample.size(31, 0.10)).isEqualTo(4);
	}

	@Test
	void theSameSeedAndCasesGiveTheSameSampleInAnyOrder() {
		List<Long> shuffled = new ArrayList<>(THOUSAND);
		java.util.Collections.shuffle(shuffled, new java.util.Random(1));
		assertThat(Sample.draw(shuffled, "spot-check:/330400/330421/:2025-01-01:2025-03-31", 0.1))
			.isEqualTo(Sample.draw(THOUSAND, "spot-check:/330400/330421/:2025-01-01:2025-03-31", 0.1));
	}

	@Test
	void anotherSeedDrawsOtherCases() {
		Set<Long> one = new HashSet<>(Sample.draw(THOUSAND, "a", 0.1));
		Set<Long> other = new HashSet<>(Sample.draw(THOUSAND, "b", 0.1));
		one.retainAll(other);
		// Two independent 10 % samples share about 10 cases, not 100.
		assertThat(one.size()).isLessThan(30);
	}

	@Test
	void drawsOnlyCasesOfThePopulationEachOnce() {
		List<Long> drawn = Sample.draw(List.of(5L, 5L, 9L, 11L, 13L), "x", 0.5);
		assertThat(drawn).doesNotHaveDuplicates().isSubsetOf(5L, 9L, 11L, 13L).hasSize(2);
	}

	@Test
	void everyCaseHasItsChanceAndNoRangeOfIdsIsLeftOut() {
		// Over 200 draws of 10 %, each case is drawn about 20 times; none never, none
		// always, and the low, middle and high ids alike.
		int[] times = new int[1001];
		for (int draw = 0; draw < 200; draw++) {
			Sample.draw(THOUSAND, "draw-" + draw, 0.1).forEach(id -> times[id.intValue()]++);
		}
		int never = 0;
		long low = 0;
		long high = 0;
		for (int id = 1; id <= 1000; id++) {
			never += times[id] == 0 ? 1 : 0;
			low += id <= 500 ? times[id] : 0;
			high += id > 500 ? times[id] : 0;
		}
		assertThat(never).isLessThan(3);
		assertThat(low + high).isEqualTo(200 * 100);
		assertThat((double) low / (low + high)).isBetween(0.47, 0.53);
	}

}
