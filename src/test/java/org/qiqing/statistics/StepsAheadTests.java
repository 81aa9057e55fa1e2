package org.qiqing.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.CaseTransitioned;
import org.qiqing.casework.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The histories read on a thread of their own, handed over to the rebuild's: every step
 * in order, and an error on either side ends both.
 */
class StepsAheadTests {

	@Test
	void everyStepIsHandedOverInOrderOnTheCallingThread() {
		List<Long> counted = new ArrayList<>();
		AtomicReference<Thread> reading = new AtomicReference<>();
		StepsAhead.forEach(histories -> {
			reading.set(Thread.currentThread());
			for (long id = 1; id <= 25_001; id++) {
				histories.accept(step(id));
			}
		}, step -> {
			assertThat(Thread.currentThread()).isNotSameAs(reading.get());
			counted.add(step.caseId());
		});
		assertThat(counted).hasSize(25_001);
		for (int i = 0; i < counted.size(); i++) {
			assertThat(counted.get(i)).isEqualTo(i + 1L);
		}
	}

	@Test
	void anErrorOfTheReadingIsThrownToTheRebuild() {
		List<Long> counted = new ArrayList<>();
		assertThatThrownBy(() -> StepsAhead.forEach(histories -> {
			for (long id = 1; id <= 15_000; id++) {
				histories.accept(step(id));
			}
			throw new IllegalStateException("the database went away");
		}, step -> counted.add(step.caseId()))).hasMessage("the database went away");
		assertThat(counted).as("the full batches read before").hasSize(10_000);
	}

	@Test
	void anErrorOfTheCountingStopsTheReading() throws InterruptedException {
		AtomicReference<Thread> reading = new AtomicReference<>();
		Consumer<Consumer<CaseTransitioned>> endless = histories -> {
			reading.set(Thread.currentThread());
			for (long id = 1;; id++) {
				histories.accept(step(id));
			}
		};
		assertThatThrownBy(() -> StepsAhead.forEach(endless, step -> {
			if (step.caseId() == 5) {
				throw new IllegalArgumentException("a step that cannot be counted");
			}
		})).hasMessage("a step that cannot be counted");
		reading.get().join(10_000);
		assertThat(reading.get().isAlive()).as("the reading thread has ended").isFalse();
	}

	private static CaseTransitioned step(long caseId) {
		return new CaseTransitioned(caseId, "QQ-" + caseId, CaseAction.SUBMIT, null, CaseState.SUBMITTED, null,
				CaseKind.ENTERPRISE_REQUEST, Channel.SELF_SERVICE, null, "330421100", "/330400/330421/330421100/",
				Set.of(), null, Set.of(), Instant.EPOCH, Instant.EPOCH, null, null, false, null, null, null);
	}

}
