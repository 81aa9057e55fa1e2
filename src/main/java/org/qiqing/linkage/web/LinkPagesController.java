package org.qiqing.linkage.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.qiqing.linkage.BulkAssignment;
import org.qiqing.linkage.LinkFrequency;
import org.qiqing.linkage.LinkManagement;
import org.qiqing.linkage.LinkManagement.GroupRequest;
import org.qiqing.linkage.LinkManagement.LinkRequest;
import org.qiqing.linkage.LinkQueries;
import org.qiqing.linkage.LinkQueries.LinkFilter;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The links page: the links one may see, and for those who manage them the forms to link
 * one target, to link many enterprises at once and to form a working group. A refused
 * form comes back with its reason and nothing written.
 */
@Controller
class LinkPagesController {

	static final String LINKS = "linkage/links";

	private static final String BACK = "redirect:/links";

	private static final int PAGE_SIZE = 50;

	private final LinkQueries queries;

	private final LinkManagement management;

	private final BulkAssignment bulk;

	LinkPagesController(LinkQueries queries, LinkManagement management, BulkAssignment bulk) {
		this.queries = queries;
		this.management = management;
		this.bulk = bulk;
	}

	@GetMapping("/links")
	String showLinks(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Actor actor,
			Model model) {
		model.addAttribute("page", this.queries.links(actor, new LinkFilter(null, null, null, null, q, null),
				Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("groups", this.queries.groups(actor));
		model.addAttribute("q", q);
		model.addAttribute("frequencies", LinkFrequency.values());
		model.addAttribute("columns", String.join(", ", List.of("credit_code")));
		model.addAttribute("optional", "username, frequency, starts_on, ends_on");
		return LINKS;
	}

	@PostMapping("/links")
	String createLink(@RequestParam(required = false) String username, @RequestParam(required = false) Long groupId,
			@RequestParam(required = false) String targetKind, @RequestParam(required = false) String creditCode,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String projectName,
			@RequestParam(required = false) String frequency,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			Actor actor, RedirectAttributes redirect) {
		return attempt(
				redirect, () -> this.management.link(new LinkRequest(null, blankToNull(username), groupId, targetKind,
						null, creditCode, regionCode, projectName, frequency, startsOn, endsOn), actor),
				"links.created");
	}

	@PostMapping("/links/{id}/end")
	String endLink(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			Actor actor, RedirectAttributes redirect) {
		return attempt(redirect, () -> this.management.end(id, version, endsOn, actor), "links.ended");
	}

	@PostMapping("/links/bulk")
	String bulkLink(@RequestParam(required = false) String username, @RequestParam(required = false) Long groupId,
			@RequestParam(required = false) String frequency,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			@RequestParam(required = false) String creditCodes, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String industry, @RequestParam(required = false) String scale,
			@RequestParam(required = false) String tag, Actor actor, RedirectAttributes redirect) {
		BulkAssignment.Terms terms = new BulkAssignment.Terms(null, blankToNull(username), groupId, frequency, startsOn,
				endsOn);
		boolean byCodes = creditCodes != null && !creditCodes.isBlank();
		return attempt(redirect, () -> redirect
			.addFlashAttribute("report", byCodes ? this.bulk.fromCodes(terms, creditCodes, actor)
					: this.bulk.fromFilter(terms, new BulkAssignment.Filter(regionCode, industry, scale, tag), actor)),
				null);
	}

	@PostMapping(path = "/links/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String importLinks(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String username, @RequestParam(required = false) Long groupId,
			@RequestParam(required = false) String frequency,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			Actor actor, RedirectAttributes redirect) {
		BulkAssignment.Terms terms = new BulkAssignment.Terms(null, blankToNull(username), groupId,
				blankToNull(frequency), startsOn, endsOn);
		return attempt(redirect, () -> redirect.addFlashAttribute("report", this.bulk.fromFile(terms, file, actor)),
				null);
	}

	@PostMapping("/work-groups")
	String formGroup(@RequestParam(required = false) String name, @RequestParam(required = false) String leaderUsername,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String memberUsernames,
			Actor actor, RedirectAttributes redirect) {
		List<String> members = memberUsernames == null ? List.of()
				: Arrays.stream(memberUsernames.split("[,;，；、\\s]+")).filter(s -> !s.isBlank()).toList();
		return attempt(
				redirect, () -> this.management
					.formGroup(new GroupRequest(name, null, leaderUsername, regionCode, null, members), actor),
				"groups.created");
	}

	/**
	 * Runs a change; a refused one comes back as the page's problem, and nothing is kept.
	 */
	private static String attempt(RedirectAttributes redirect, Runnable change, String doneKey) {
		try {
			change.run();
			if (doneKey != null) {
				redirect.addFlashAttribute("done", doneKey);
			}
		}
		catch (InvalidInput | NotAllowed ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return BACK;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
