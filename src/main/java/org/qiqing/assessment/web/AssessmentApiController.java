package org.qiqing.assessment.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.qiqing.assessment.AssessmentBulletin;
import org.qiqing.assessment.AssessmentFreeze;
import org.qiqing.assessment.AssessmentResults;
import org.qiqing.assessment.Deduction;
import org.qiqing.assessment.Formula;
import org.qiqing.assessment.Formulas;
import org.qiqing.assessment.Indicator;
import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditLog;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Text;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The assessment API (docs/assessment.md): the formula's versions (published by the top
 * administrator), the frozen months, their league tables with movement, one result with
 * its follow-ups, the export and the bulletin's content; freezing and recomputing a month
 * (the top administrator). Results are those of the reader's unit and jurisdiction.
 */
@RestController
@RequestMapping("/api/v1/assessment")
class AssessmentApiController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Formulas formulas;

	private final AssessmentFreeze freeze;

	private final AssessmentResults results;

	private final AssessmentBulletin bulletin;

	private final AssessmentExport export;

	private final AuditLog audit;

	AssessmentApiController(Formulas formulas, AssessmentFreeze freeze, AssessmentResults results,
			AssessmentBulletin bulletin, AssessmentExport export, AuditLog audit) {
		this.formulas = formulas;
		this.freeze = freeze;
		this.results = results;
		this.bulletin = bulletin;
		this.export = export;
		this.audit = audit;
	}

	/** A new version of the formula, as JSON. */
	record FormulaBody(String validFrom, Map<String, BigDecimal> weights, List<DeductionBody> deductions, String note) {
	}

	record DeductionBody(String measure, String less, BigDecimal points, BigDecimal cap) {
	}

	record FollowUpBody(String kind, String reference, String note) {
	}

	@GetMapping("/formulas")
	List<Formula> showFormulas(Actor actor) {
		refuseEnterprise(actor);
		return this.formulas.all();
	}

	@GetMapping("/formulas/{version}")
	Formula showFormula(@PathVariable int version, Actor actor) {
		refuseEnterprise(actor);
		return this.formulas.find(version)
			.orElseThrow(() -> new NotFound(Text.of("assessment.error.formulaNotFound", version)));
	}

	@GetMapping("/formula")
	Formula showFormulaInForce(@RequestParam(required = false) String month, Actor actor) {
		refuseEnterprise(actor);
		return this.formulas.inForce(month == null ? this.freeze.thisMonth() : Months.parse("month", month));
	}

	@PostMapping("/formulas")
	@ResponseStatus(HttpStatus.CREATED)
	Formula publishFormula(@RequestBody FormulaBody body, Actor actor) {
		if (!Formulas.topAdministrator(actor)) {
			throw new AccessDeniedException("the top administrator publishes the formula");
		}
		Formula published = this.formulas.publish(actor, draft(body));
		this.audit.record(actor, AuditAction.ADMINISTRATION_CHANGED, "assessment-formula", published.version(),
				published.canonical());
		return published;
	}

	static Formulas.Draft draft(FormulaBody body) {
		java.util.Map<Indicator, BigDecimal> weights = new java.util.EnumMap<>(Indicator.class);
		if (body.weights() != null) {
			body.weights().forEach((name, weight) -> {
				try {
					weights.put(Indicator.valueOf(name), weight);
				}
				catch (IllegalArgumentException unknown) {
					throw new InvalidInput("weights", Text.of("assessment.error.indicator", name));
				}
			});
		}
		List<Deduction> deductions = body.deductions() == null ? List.of()
				: body.deductions()
					.stream()
					.map(d -> d == null ? null : new Deduction(d.measure(), d.less(), d.points(), d.cap()))
					.toList();
		return new Formulas.Draft(body.validFrom() == null ? null : Months.parse("validFrom", body.validFrom()),
				weights, deductions, body.note());
	}

	@GetMapping("/months")
	List<AssessmentResults.Month> showMonths(Actor actor) {
		return this.results.months(actor);
	}

	@GetMapping("/months/{month}/results")
	AssessmentResults.Table showResults(@PathVariable String month, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String kind, Actor actor) {
		return this.results.table(actor, Months.parse("month", month), subject(subject), kind(kind));
	}

	@PostMapping("/months/{month}/freeze")
	AssessmentFreeze.Outcome freezeMonth(@PathVariable String month, Actor actor) {
		if (!Formulas.topAdministrator(actor)) {
			throw new AccessDeniedException("the top administrator freezes a month");
		}
		return this.freeze.freeze(Months.parse("month", month), actor.personId());
	}

	@GetMapping("/months/{month}/verification")
	AssessmentFreeze.Verification verifyMonth(@PathVariable String month, Actor actor) {
		if (!Formulas.topAdministrator(actor)) {
			throw new AccessDeniedException("the top administrator recomputes a month");
		}
		return this.freeze.recompute(Months.parse("month", month));
	}

	@GetMapping("/months/{month}/bulletin")
	AssessmentBulletin.Content showBulletin(@PathVariable String month, Actor actor, Locale locale) {
		return this.bulletin.of(actor, Months.parse("month", month), locale);
	}

	@GetMapping("/months/{month}/export")
	void exportMonth(@PathVariable String month, Actor actor, Locale locale, HttpServletResponse response)
			throws IOException {
		writeExport(Months.parse("month", month), actor, locale, response, this.results, this.formulas, this.export,
				this.audit);
	}

	static void writeExport(java.time.YearMonth month, Actor actor, Locale locale, HttpServletResponse response,
			AssessmentResults results, Formulas formulas, AssessmentExport export, AuditLog audit) throws IOException {
		AssessmentResults.Month frozen = results.month(actor, month);
		Formula formula = formulas.find(frozen.formulaVersion()).orElseThrow();
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
				+ URLEncoder.encode("assessment-" + month + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20"));
		audit.record(actor, AuditAction.DATA_EXPORTED, "assessment", month.toString(), frozen.hash());
		export.write(actor, month, formula, frozen.hash(), locale, response.getOutputStream());
	}

	@GetMapping("/results/{id}")
	AssessmentResults.Detail showResult(@PathVariable long id, Actor actor) {
		return this.results.detail(actor, id);
	}

	@PostMapping("/results/{id}/follow-ups")
	@ResponseStatus(HttpStatus.CREATED)
	AssessmentResults.FollowUp recordFollowUp(@PathVariable long id, @RequestBody FollowUpBody body, Actor actor) {
		return this.results.recordFollowUp(actor, id, body.kind(), body.reference(), body.note());
	}

	static AssessmentResults.Subject subject(String subject) {
		if (subject == null || subject.isBlank()) {
			return AssessmentResults.Subject.UNIT;
		}
		try {
			return AssessmentResults.Subject.valueOf(subject.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("subject", Text.of("assessment.error.subject"));
		}
	}

	static String kind(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		if (!kind.matches("[A-Z_]{1,30}")) {
			throw new InvalidInput("kind", Text.of("assessment.error.kind"));
		}
		return kind;
	}

	private static void refuseEnterprise(Actor actor) {
		if (actor.isEnterpriseContact()) {
			throw new NotFound(Text.of("assessment.error.none"));
		}
	}

}
