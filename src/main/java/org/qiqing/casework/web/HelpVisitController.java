package org.qiqing.casework.web;

import java.time.LocalDate;

import org.qiqing.casework.Case;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.CategoryManagement;
import org.qiqing.casework.HelpVisit;
import org.qiqing.casework.NewCase;
import org.qiqing.enterprise.EnterpriseDirectory;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.Text;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page on which an enterprise asks for a service visit (上门服务) of the help office
 * ({@code POST /api/v1/help-visits} in the case API): a case of kind {@code HELP_VISIT},
 * assigned as it is filed.
 */
@Controller
class HelpVisitController {

	static final String FORM = "cases/help-visit";

	private final CaseManagement cases;

	private final CategoryManagement categories;

	private final EnterpriseDirectory enterprises;

	private final MessageSource messages;

	HelpVisitController(CaseManagement cases, CategoryManagement categories, EnterpriseDirectory enterprises,
			MessageSource messages) {
		this.cases = cases;
		this.categories = categories;
		this.enterprises = enterprises;
		this.messages = messages;
	}

	@GetMapping("/help-visits/new")
	String initVisitForm(Actor actor, Model model) {
		if (!actor.isEnterpriseContact()) {
			throw new NotAllowed(Text.of("error.case.helpVisitByContact"));
		}
		model.addAttribute("enterprise", this.enterprises.findVisible(actor.enterpriseId(), actor).orElse(null));
		this.cases.helpVisitCategoryId()
			.flatMap(this.categories::findIfAny)
			.ifPresent(guided -> model.addAttribute("guided", guided));
		return FORM;
	}

	@PostMapping("/help-visits/new")
	String processVisitForm(@RequestParam(required = false) String topic, @RequestParam(required = false) String note,
			@RequestParam(required = false) String place, @RequestParam(required = false) LocalDate firstDate,
			@RequestParam(required = false) LocalDate secondDate, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			Case kase = this.cases.submit(NewCase.helpVisit(topic, note, new HelpVisit(place, firstDate, secondDate)),
					actor);
			redirect.addFlashAttribute("message", this.messages.getMessage("helpVisit.created",
					new Object[] { kase.getNumber() }, LocaleContextHolder.getLocale()));
			return "redirect:/cases/" + kase.getId();
		}
		catch (InvalidInput | NotAllowed ex) {
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("topic", topic);
			model.addAttribute("note", note);
			model.addAttribute("place", place);
			model.addAttribute("firstDate", firstDate);
			model.addAttribute("secondDate", secondDate);
			return initVisitForm(actor, model);
		}
	}

}
