package org.qiqing.assessment.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.qiqing.assessment.AssessmentFreeze;
import org.qiqing.assessment.AssessmentResults;
import org.qiqing.assessment.Formula;
import org.qiqing.assessment.FormulaWords;
import org.qiqing.assessment.Formulas;
import org.qiqing.assessment.FollowUpKind;
import org.qiqing.assessment.Indicator;
import org.qiqing.assessment.LeagueWords;
import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditLog;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.UnitKind;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Text;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assessment pages: the league tables of a frozen month (排名, by kind of unit, with
 * movement), one result with what followed from it, the formula in words with its
 * versions (and the top administrator's form for a new one), freezing on demand and the
 * export.
 */
@Controller
class AssessmentController {

	static final String TABLES = "assessment/tables";

	static final String RESULT = "assessment/result";

	static final String FORMULA = "assessment/formula";

	private final AssessmentResults results;

	private final AssessmentFreeze freeze;

	private final Formulas formulas;

	private final AssessmentExport export;

	private final AuditLog audit;

	private final MessageSource messages;

	private final ConductFlags conduct;

	AssessmentController(AssessmentResults results, AssessmentFreeze freeze, Formulas formulas, AssessmentExport export,
			AuditLog audit, MessageSource messages, ConductFlags conduct) {
		this.conduct = conduct;
		this.results = results;
		this.freeze = freeze;
		this.formulas = formulas;
		this.export = export;
		this.audit = audit;
		this.messages = messages;
	}

	/** A league with its lines, named. */
	record League(String name, List<AssessmentResults.Line> lines) {
	}

	@GetMapping("/assessment")
	String showTables(@RequestParam(required = false) String month, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String kind, Actor actor, Locale locale, Model model) {
		List<AssessmentResults.Month> months = this.results.months(actor);
		AssessmentResults.Subject shown = AssessmentApiController.subject(subject);
		String kindShown = AssessmentApiController.kind(kind);
		model.addAttribute("months", months);
		model.addAttribute("subject", shown);
		model.addAttribute("kind", kindShown);
		model.addAttribute("kinds",
				shown == AssessmentResults.Subject.UNIT ? kindNames(UnitKind.values(), "assessment.unitKind.", locale)
						: kindNames(org.qiqing.organisation.RegionLevel.values(), "assessment.level.", locale));
		model.addAttribute("top", Formulas.topAdministrator(actor));
		model.addAttribute("lastMonth", this.freeze.thisMonth().minusMonths(1).toString());
		if (month == null && months.isEmpty()) {
			model.addAttribute("leagues", List.of());
			return TABLES;
		}
		YearMonth chosen = month == null ? months.get(0).month() : Months.parse("month", month);
		AssessmentResults.Table table = this.results.table(actor, chosen, shown, kindShown);
		Map<String, List<AssessmentResults.Line>> byLeague = new LinkedHashMap<>();
		for (AssessmentResults.Line line : table.lines()) {
			byLeague.computeIfAbsent(LeagueWords.of(line, this.messages, locale), key -> new ArrayList<>()).add(line);
		}
		List<League> leagues = new ArrayList<>();
		byLeague.forEach((name, lines) -> leagues.add(new League(name, lines)));
		model.addAttribute("table", table);
		model.addAttribute("month", chosen.toString());
		model.addAttribute("leagues", leagues);
		model.addAttribute("formulaWords", FormulaWords.of(table.formula(), this.messages, locale));
		if (shown == AssessmentResults.Subject.UNIT) {
			this.conduct.of(actor, chosen).addTo(model);
		}
		return TABLES;
	}

	@GetMapping("/assessment/results/{id}")
	String showResult(@PathVariable long id, Actor actor, Locale locale, Model model) {
		AssessmentResults.Detail detail = this.results.detail(actor, id);
		model.addAttribute("detail", detail);
		model.addAttribute("league", LeagueWords.of(detail.line(), this.messages, locale));
		model.addAttribute("formulaWords", FormulaWords.of(detail.formula(), this.messages, locale));
		model.addAttribute("deductionWords",
				detail.formula()
					.deductions()
					.stream()
					.map(d -> FormulaWords.deduction(d, this.messages, locale))
					.toList());
		model.addAttribute("followUpKinds", FollowUpKind.values());
		if (detail.line().subject() == AssessmentResults.Subject.UNIT) {
			ConductFlags.Of conduct = this.conduct.of(actor, detail.month().month());
			conduct.addTo(model);
			model.addAttribute("conductFlag", conduct.of(detail.line().unitId()));
		}
		model.addAttribute("mayFollowUp",
				actor.has(org.qiqing.organisation.Role.SUPERVISOR) || actor.has(org.qiqing.organisation.Role.LEADER));
		return RESULT;
	}

	@PostMapping("/assessment/results/{id}/follow-ups")
	String processFollowUp(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String reference, @RequestParam(required = false) String note, Actor actor,
			Locale locale, RedirectAttributes redirect) {
		this.results.recordFollowUp(actor, id, kind, reference, note);
		redirect.addFlashAttribute("message", this.messages.getMessage("assessment.followUp.recorded", null, locale));
		return "redirect:/assessment/results/" + id;
	}

	@PostMapping("/assessment/freeze")
	String processFreeze(@RequestParam(required = false) String month, Actor actor, Locale locale,
			RedirectAttributes redirect) {
		if (!Formulas.topAdministrator(actor)) {
			throw new AccessDeniedException("the top administrator freezes a month");
		}
		YearMonth chosen = Months.parse("month", month);
		this.freeze.freeze(chosen, actor.personId());
		redirect.addFlashAttribute("message", this.messages.getMessage("assessment.frozen", null, locale));
		return "redirect:/assessment?month=" + chosen;
	}

	@GetMapping("/assessment/export")
	void exportMonth(@RequestParam(required = false) String month, Actor actor, Locale locale,
			HttpServletResponse response) throws IOException {
		AssessmentApiController.writeExport(Months.parse("month", month), actor, locale, response, this.results,
				this.formulas, this.export, this.audit);
	}

	@GetMapping("/assessment/formula")
	String showFormula(Actor actor, Locale locale, Model model) {
		if (actor.isEnterpriseContact()) {
			throw new org.qiqing.platform.NotFound(Text.of("assessment.error.none"));
		}
		List<Formula> all = this.formulas.all();
		Formula current = this.formulas.inForce(this.freeze.thisMonth());
		Map<Integer, String> words = new LinkedHashMap<>();
		all.forEach(f -> words.put(f.version(), FormulaWords.of(f, this.messages, locale)));
		model.addAttribute("formulas", all);
		model.addAttribute("words", words);
		model.addAttribute("current", current);
		model.addAttribute("indicators", Indicator.values());
		model.addAttribute("countable", Formulas.countable());
		model.addAttribute("top", Formulas.topAdministrator(actor));
		model.addAttribute("nextMonth", this.freeze.thisMonth().plusMonths(1).toString());
		return FORMULA;
	}

	@PostMapping("/assessment/formula")
	String processFormula(@RequestParam(required = false) String validFrom, @RequestParam(required = false) String note,
			@RequestParam Map<String, String> form,
			@RequestParam(name = "measure", required = false) List<String> measures,
			@RequestParam(name = "less", required = false) List<String> less,
			@RequestParam(name = "points", required = false) List<String> points,
			@RequestParam(name = "cap", required = false) List<String> caps, Actor actor, Locale locale,
			RedirectAttributes redirect) {
		if (!Formulas.topAdministrator(actor)) {
			throw new AccessDeniedException("the top administrator publishes the formula");
		}
		Map<String, BigDecimal> weights = new LinkedHashMap<>();
		for (Indicator indicator : Indicator.values()) {
			String value = form.get("weight." + indicator.name());
			if (value != null && !value.isBlank()) {
				weights.put(indicator.name(), number("weights", value));
			}
		}
		List<AssessmentApiController.DeductionBody> deductions = new ArrayList<>();
		int rows = measures == null ? 0 : measures.size();
		for (int i = 0; i < rows; i++) {
			String measure = measures.get(i);
			if (measure == null || measure.isBlank()) {
				continue;
			}
			deductions.add(
					new AssessmentApiController.DeductionBody(measure, at(less, i), number("deductions", at(points, i)),
							at(caps, i).isBlank() ? null : number("deductions", at(caps, i))));
		}
		Formula published = this.formulas.publish(actor, AssessmentApiController
			.draft(new AssessmentApiController.FormulaBody(validFrom, weights, deductions, note)));
		this.audit.record(actor, AuditAction.ADMINISTRATION_CHANGED, "assessment-formula", published.version(),
				published.canonical());
		redirect.addFlashAttribute("message", this.messages.getMessage("assessment.formula.published", null, locale));
		return "redirect:/assessment/formula";
	}

	private static String at(List<String> values, int i) {
		return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i).strip();
	}

	private static BigDecimal number(String field, String value) {
		try {
			return new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput(field, Text.of("assessment.error.number", value));
		}
	}

	private <E extends Enum<E>> Map<String, String> kindNames(E[] values, String prefix, Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		for (E value : values) {
			names.put(value.name(), this.messages.getMessage(prefix + value.name(), null, value.name(), locale));
		}
		return names;
	}

}
