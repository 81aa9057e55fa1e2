package org.qiqing.assessment.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qiqing.evaluation.Flags;
import org.qiqing.organisation.Actor;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The conduct evaluation's flag (作风评价, ratings that disagree with spot-checks) of the
 * units beside their assessment results, read through the evaluation module's public
 * {@link Flags} with the reader's own rights, over the twelve months that end with the
 * assessed month (the evaluation's own default period). It is shown, never scored: the
 * formula has no row for it (docs/assessment.md).
 */
@Component
class ConductFlags {

	/** The flags of a period, by unit, and the period to link to. */
	record Of(LocalDate from, LocalDate to, Map<Long, Flags.UnitFlag> units) {

		Flags.UnitFlag of(long unitId) {
			return this.units.get(unitId);
		}

		/**
		 * For a page: {@code conductFlags} by unit id, {@code conductFrom},
		 * {@code conductTo}.
		 */
		void addTo(Model model) {
			model.addAttribute("conductFlags", this.units);
			model.addAttribute("conductFrom", this.from);
			model.addAttribute("conductTo", this.to);
		}

	}

	private final Flags flags;

	ConductFlags(Flags flags) {
		this.flags = flags;
	}

	Of of(Actor actor, YearMonth month) {
		LocalDate from = month.minusMonths(11).atDay(1);
		LocalDate to = month.atEndOfMonth();
		Flags.Report report = this.flags.of(actor, from, to);
		return new Of(from, to,
				report.units().stream().collect(Collectors.toMap(Flags.UnitFlag::unitId, Function.identity())));
	}

}
