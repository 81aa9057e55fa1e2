package org.qiqing.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Official numbers (文号): one sequence per issuer, kind and year, without a gap or a
 * duplicate when many documents are issued at once, on H2 and on PostgreSQL.
 */
@IntegrationTest
class DocumentNumbersIntegrationTests {

	@Autowired
	DocumentNumbers numbers;

	@Autowired
	World world;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void eachIssuerKindAndYearCountsFromOne() {
		String kind = kind();
		long centre = this.world.centreA().getId();
		long dept = this.world.deptA().getId();
		assertThat(IntStream.range(0, 3).map(i -> this.numbers.allocate(centre, kind, 2026).serial()))
			.containsExactly(1, 2, 3);
		assertThat(this.numbers.allocate(dept, kind, 2026).serial()).as("another issuer").isEqualTo(1);
		assertThat(this.numbers.allocate(centre, kind, 2027).serial()).as("another year").isEqualTo(1);
		assertThat(this.numbers.allocate(centre, kind + "X", 2026).serial()).as("another kind").isEqualTo(1);
		assertThat(this.numbers.allocate(centre, kind, 2026).serial()).isEqualTo(4);
	}

	@Test
	void theNumberReadsAsAnOfficialDocumentsWithTheIssuersNameAndTheKindsCharacter() {
		DocumentNumber number = this.numbers.allocate(this.world.centreA().getId(), "SUPERVISION_ORDER", 2031);
		assertThat(number.text()).isEqualTo(this.world.centreA().getName() + "督〔2031〕" + number.serial() + "号");
		DocumentNumber other = this.numbers.allocate(this.world.centreA().getId(), kind(), 2031);
		assertThat(other.text()).as("a kind without a character")
			.isEqualTo(this.world.centreA().getName() + "〔2031〕1号");
	}

	@Test
	void aDocumentRolledBackGivesItsNumberBackBeforeAnyoneSawIt() {
		String kind = kind();
		long centre = this.world.centreA().getId();
		assertThat(this.numbers.allocate(centre, kind, 2026).serial()).isEqualTo(1);
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			assertThat(this.numbers.allocate(centre, kind, 2026).serial()).isEqualTo(2);
			status.setRollbackOnly();
		});
		assertThat(this.numbers.allocate(centre, kind, 2026).serial()).isEqualTo(2);
	}

	@Test
	void documentsIssuedAtOnceGetEveryNumberOnce() throws Exception {
		String kind = kind();
		long centre = this.world.centreA().getId();
		int threads = 8;
		int each = 25;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Callable<List<Integer>>> work = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				work.add(() -> {
					List<Integer> serials = new ArrayList<>();
					for (int i = 0; i < each; i++) {
						serials.add(this.numbers.allocate(centre, kind, 2026).serial());
					}
					return serials;
				});
			}
			List<Integer> all = new ArrayList<>();
			for (Future<List<Integer>> done : pool.invokeAll(work)) {
				all.addAll(done.get());
			}
			assertThat(all).hasSize(threads * each)
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, threads * each).boxed().toList());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** A kind of its own, so that runs against a kept database start from one. */
	private static String kind() {
		return "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
