package org.qiqing.discipline.web;

import java.util.List;

/**
 * One page of a list, for the pager: its rows and whether another page follows, known by
 * reading one row more than the page shows.
 */
record Listed<T>(List<T> items, int page, boolean hasNext) {

	/** Reads the page of {@code size} rows with the reader given the offset and limit. */
	static <T> Listed<T> read(int page, int size, Reader<T> reader) {
		List<T> oneMore = reader.read((long) page * size, size + 1);
		return new Listed<>(oneMore.subList(0, Math.min(size, oneMore.size())), page, oneMore.size() > size);
	}

	interface Reader<T> {

		List<T> read(long offset, int limit);

	}

}
