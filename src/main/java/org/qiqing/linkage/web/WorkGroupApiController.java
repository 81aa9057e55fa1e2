package org.qiqing.linkage.web;

import java.net.URI;
import java.util.List;

import org.qiqing.linkage.LinkManagement;
import org.qiqing.linkage.LinkManagement.GroupRequest;
import org.qiqing.linkage.LinkQueries;
import org.qiqing.linkage.LinkQueries.GroupView;
import org.qiqing.linkage.WorkGroup;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Text;
import org.qiqing.platform.Versions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Working groups (工作专班): a leader and members who share links.
 */
@RestController
@RequestMapping("/api/v1/work-groups")
class WorkGroupApiController {

	private final LinkQueries queries;

	private final LinkManagement management;

	WorkGroupApiController(LinkQueries queries, LinkManagement management) {
		this.queries = queries;
		this.management = management;
	}

	@GetMapping
	List<GroupView> listGroups(Actor actor) {
		return this.queries.groups(actor);
	}

	@GetMapping("/{id}")
	ResponseEntity<GroupView> showGroup(@PathVariable long id, Actor actor) {
		return current(id, actor);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<GroupView> formGroup(@RequestBody GroupRequest request, Actor actor) {
		WorkGroup group = this.management.formGroup(request, actor);
		GroupView view = this.queries.findVisibleGroup(group.getId(), actor).orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/work-groups/" + group.getId()))
			.eTag(Versions.etag(view.version()))
			.body(view);
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<GroupView> changeGroup(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody GroupRequest request, Actor actor) {
		this.management.changeGroup(id, Versions.fromIfMatch(ifMatch), request, actor);
		return current(id, actor);
	}

	private ResponseEntity<GroupView> current(long id, Actor actor) {
		GroupView view = this.queries.findVisibleGroup(id, actor)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.workGroup"), id)));
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

}
