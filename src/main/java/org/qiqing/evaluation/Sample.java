package org.qiqing.evaluation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The draw of a spot-check sample: each case is given a number by SHA-256 of the draw's
 * seed and its id, and the {@code ceil(share × N)} cases with the smallest numbers are
 * drawn. The same seed and cases give the same sample on any machine, anyone can check
 * it, and nobody can steer which case is drawn without changing the seed, which is
 * written on the draw.
 */
public final class Sample {

	private Sample() {
	}

	/** How many of {@code population} cases a share draws: at least one of any. */
	public static int size(int population, double share) {
		if (population <= 0 || share <= 0) {
			return 0;
		}
		return (int) Math.min(population, Math.ceil(population * share - 1e-9));
	}

	/** The ids drawn, in the order of their numbers. */
	public static List<Long> draw(Collection<Long> ids, String seed, double share) {
		List<Long> distinct = ids.stream().distinct().toList();
		int size = size(distinct.size(), share);
		return distinct.stream()
			.sorted(Comparator.comparing((Long id) -> number(seed, id), Long::compareUnsigned)
				.thenComparing(Comparator.naturalOrder()))
			.limit(size)
			.toList();
	}

	/** The number of a case in a draw: the first 8 bytes of SHA-256("seed:id"). */
	static long number(String seed, long id) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((seed + ":" + id).getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(hash, 0, 8).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
