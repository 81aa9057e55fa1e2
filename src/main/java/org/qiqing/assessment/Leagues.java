package org.qiqing.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks the results of a month within their leagues (units: one kind within a county or
 * city; regions: the regions of one level under one parent), best score first; equal
 * scores share a rank and the next rank skips (1, 2, 2, 4).
 */
final class Leagues {

	private Leagues() {
	}

	static List<Snapshot.Result> rank(List<AssessmentFreeze.Scored> scored) {
		Map<String, List<AssessmentFreeze.Scored>> leagues = new LinkedHashMap<>();
		for (AssessmentFreeze.Scored s : scored) {
			leagues.computeIfAbsent(s.subject().subject().kind() + ":" + s.subject().league(), key -> new ArrayList<>())
				.add(s);
		}
		List<Snapshot.Result> results = new ArrayList<>(scored.size());
		for (List<AssessmentFreeze.Scored> league : leagues.values()) {
			league.sort(Comparator.comparing((AssessmentFreeze.Scored s) -> s.score().score())
				.reversed()
				.thenComparing(s -> s.subject().subject()));
			int rank = 0;
			for (int i = 0; i < league.size(); i++) {
				AssessmentFreeze.Scored s = league.get(i);
				if (i == 0 || s.score().score().compareTo(league.get(i - 1).score().score()) != 0) {
					rank = i + 1;
				}
				results.add(new Snapshot.Result(s.subject().subject(), s.subject().regionPath(), s.subject().league(),
						s.own(), s.carried(), s.score().indicatorPoints(), s.score().deductionPoints(),
						s.score().score(), rank, league.size()));
			}
		}
		return results;
	}

}
