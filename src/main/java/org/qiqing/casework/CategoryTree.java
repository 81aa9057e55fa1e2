package org.qiqing.casework;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Categories in tree order: each parent followed by its children, depth first, siblings
 * in the order given (by code), each with its depth. A category whose parent is not in
 * the list is shown at the top.
 */
public final class CategoryTree {

	/** A category and how deep it lies (0 at the top). */
	public record Node<T>(T category, int depth) {
	}

	private CategoryTree() {
	}

	public static <T> List<Node<T>> of(List<T> categories, Function<T, Long> id, Function<T, Long> parentId) {
		Map<Long, T> byId = new LinkedHashMap<>();
		categories.forEach(category -> byId.put(id.apply(category), category));
		Map<Long, List<T>> children = new LinkedHashMap<>();
		List<T> roots = new ArrayList<>();
		for (T category : categories) {
			Long parent = parentId.apply(category);
			if (parent == null || !byId.containsKey(parent)) {
				roots.add(category);
			}
			else {
				children.computeIfAbsent(parent, key -> new ArrayList<>()).add(category);
			}
		}
		List<Node<T>> ordered = new ArrayList<>(categories.size());
		Set<Long> seen = new HashSet<>();
		for (T root : roots) {
			add(root, 0, ordered, children, id, seen);
		}
		return ordered;
	}

	private static <T> void add(T category, int depth, List<Node<T>> ordered, Map<Long, List<T>> children,
			Function<T, Long> id, Set<Long> seen) {
		if (!seen.add(id.apply(category))) {
			return;
		}
		ordered.add(new Node<>(category, depth));
		for (T child : children.getOrDefault(id.apply(category), List.of())) {
			add(child, depth + 1, ordered, children, id, seen);
		}
	}

}
