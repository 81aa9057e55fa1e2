package org.qiqing.casework.web;

import java.util.List;

import org.qiqing.casework.CategoryGuide;
import org.qiqing.casework.CategoryManagement;
import org.qiqing.casework.GuideChange;
import org.qiqing.casework.GuidedCategory;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.Versions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case categories with their guides (一次性告知): anyone reads them; an administrator of a
 * top-level region changes a guide and its category's limits, naming the version he read.
 */
@RestController
@RequestMapping("/api/v1/categories")
class CategoryApiController {

	private final CategoryManagement categories;

	CategoryApiController(CategoryManagement categories) {
		this.categories = categories;
	}

	@GetMapping
	List<GuidedCategory> listCategories() {
		return this.categories.all();
	}

	@GetMapping("/{id}/guide")
	ResponseEntity<GuideView> showGuide(@PathVariable long id) {
		return current(this.categories.find(id));
	}

	@PutMapping(path = "/{id}/guide", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<GuideView> updateGuide(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody GuideRequest request, Actor actor) {
		return current(this.categories.changeGuide(id, Versions.fromIfMatch(ifMatch), request.toChange(), actor));
	}

	private static ResponseEntity<GuideView> current(GuidedCategory category) {
		return ResponseEntity.ok().eTag(Versions.etag(category.version())).body(GuideView.of(category));
	}

	/** A guide and, optionally, the limits of its category. */
	record GuideRequest(String needs, List<String> documents, String process, String note, Integer acceptHours,
			Integer contactHours, Integer stageReplyDays, Integer resolveDays) {

		GuideChange toChange() {
			return new GuideChange(new CategoryGuide(this.needs, this.documents, this.process, this.note),
					this.acceptHours, this.contactHours, this.stageReplyDays, this.resolveDays);
		}

	}

	/** A category's guide with the limits it quotes. */
	record GuideView(long categoryId, String code, String name, String needs, List<String> documents, String process,
			String note, int acceptHours, int contactHours, int stageReplyDays, int resolveDays, int version,
			java.time.Instant updatedAt, String updatedBy) {

		static GuideView of(GuidedCategory c) {
			CategoryGuide g = c.guide();
			return new GuideView(c.id(), c.code(), c.name(), g.needs(), g.documents(), g.process(), g.note(),
					c.acceptHours(), c.contactHours(), c.stageReplyDays(), c.resolveDays(), c.version(), c.updatedAt(),
					c.updatedBy());
		}

	}

}
