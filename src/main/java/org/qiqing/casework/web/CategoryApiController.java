package org.qiqing.casework.web;

import java.net.URI;
import java.util.List;

import org.qiqing.casework.Categories;
import org.qiqing.casework.CategoryGuide;
import org.qiqing.casework.CategoryManagement;
import org.qiqing.casework.GuideChange;
import org.qiqing.casework.GuidedCategory;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.Versions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case categories with their guides (一次性告知): anyone reads them; an administrator of a
 * top-level region creates, renames, moves and retires them and changes a guide and its
 * category's limits, naming the version he read; an administrator names the lead unit of
 * a category in a region of his jurisdiction.
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

	/** Adds a category (top-level, or under a parent that is not retired). */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<GuidedCategory> createCategory(@RequestBody CategoryManagement.CategoryDetails details,
			Actor actor) {
		GuidedCategory created = this.categories.create(details, actor);
		return ResponseEntity.created(URI.create("/api/v1/categories/" + created.id()))
			.eTag(Versions.etag(created.version()))
			.body(created);
	}

	@GetMapping("/{id}")
	ResponseEntity<GuidedCategory> showCategory(@PathVariable long id) {
		return category(this.categories.find(id));
	}

	/** Renames a category, moves it (never under itself) and names its default unit. */
	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<GuidedCategory> updateCategory(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody CategoryManagement.CategoryDetails details, Actor actor) {
		return category(this.categories.update(id, Versions.fromIfMatch(ifMatch), details, actor));
	}

	/**
	 * Retires a category and those under it: they keep their cases, and are no longer
	 * offered.
	 */
	@PostMapping("/{id}/retire")
	ResponseEntity<GuidedCategory> retireCategory(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
		return category(this.categories.retire(id, Versions.fromIfMatch(ifMatch), true, actor));
	}

	@PostMapping("/{id}/restore")
	ResponseEntity<GuidedCategory> restoreCategory(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
		return category(this.categories.retire(id, Versions.fromIfMatch(ifMatch), false, actor));
	}

	/** Every category's lead unit by region. */
	@GetMapping("/lead-units")
	List<Categories.LeadUnit> listLeadUnits() {
		return this.categories.leadUnits();
	}

	/**
	 * Names the unit that leads the category's cases in a region of one's jurisdiction.
	 */
	@PutMapping(path = "/{categoryId}/lead-units/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> setLeadUnit(@PathVariable long categoryId, @PathVariable String code,
			@RequestBody LeadUnitRequest request, Actor actor) {
		this.categories.setLeadUnit(categoryId, code, request.unitId(), actor);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{categoryId}/lead-units/{code}")
	ResponseEntity<Void> removeLeadUnit(@PathVariable long categoryId, @PathVariable String code, Actor actor) {
		this.categories.setLeadUnit(categoryId, code, null, actor);
		return ResponseEntity.noContent().build();
	}

	record LeadUnitRequest(Long unitId) {
	}

	private static ResponseEntity<GuidedCategory> category(GuidedCategory category) {
		return ResponseEntity.ok().eTag(Versions.etag(category.version())).body(category);
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
