package org.qiqing.enterprise.web;

import org.qiqing.enterprise.EnterpriseDirectory;
import org.qiqing.enterprise.EnterpriseImport;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.InvalidInput;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry page of administrators and dispatchers: the enterprises they may see,
 * searchable, and an import form that shows what the import did.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER')")
class EnterprisePagesController {

	static final String ENTERPRISES = "admin/enterprises";

	private static final int PAGE_SIZE = 50;

	private final EnterpriseDirectory directory;

	private final EnterpriseImport enterpriseImport;

	EnterprisePagesController(EnterpriseDirectory directory, EnterpriseImport enterpriseImport) {
		this.directory = directory;
		this.enterpriseImport = enterpriseImport;
	}

	@GetMapping("/admin/enterprises")
	String showEnterprises(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			Actor actor, Model model) {
		model.addAttribute("page", this.directory.search(actor, q, Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("q", q);
		model.addAttribute("columns", String.join(", ", EnterpriseImport.REQUIRED));
		model.addAttribute("optional", String.join(", ", EnterpriseImport.OPTIONAL));
		return ENTERPRISES;
	}

	@PostMapping(path = "/admin/enterprises/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String importEnterprises(@RequestParam(required = false) MultipartFile file, Actor actor,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("report", this.enterpriseImport.run(file, actor, null));
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/admin/enterprises";
	}

}
