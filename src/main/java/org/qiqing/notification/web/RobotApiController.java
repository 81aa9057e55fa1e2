package org.qiqing.notification.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.qiqing.notification.DeadLetters;
import org.qiqing.notification.Robots;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.Versions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The group robots of the units of an administrator's jurisdiction, and the dead letters
 * he may replay, as API. The facades check the role and the jurisdiction.
 */
@RestController
class RobotApiController {

	private static final int DEAD_LETTERS = 500;

	private final Robots robots;

	private final DeadLetters deadLetters;

	RobotApiController(Robots robots, DeadLetters deadLetters) {
		this.robots = robots;
		this.deadLetters = deadLetters;
	}

	@GetMapping("/api/v1/notification-robots")
	List<Robots.Robot> listRobots(Actor actor) {
		return this.robots.list(actor);
	}

	@GetMapping("/api/v1/notification-robots/{id}")
	ResponseEntity<Robots.Robot> showRobot(@PathVariable long id, Actor actor) {
		Robots.Robot robot = this.robots.find(id, actor);
		return ResponseEntity.ok().eTag(Versions.etag(robot.version())).body(robot);
	}

	@PostMapping("/api/v1/notification-robots")
	ResponseEntity<Robots.Robot> createRobot(@RequestBody Robots.RobotDetails details, Actor actor) {
		Robots.Robot robot = this.robots.create(details, actor);
		return ResponseEntity.created(URI.create("/api/v1/notification-robots/" + robot.id()))
			.eTag(Versions.etag(robot.version()))
			.body(robot);
	}

	@PutMapping("/api/v1/notification-robots/{id}")
	ResponseEntity<Robots.Robot> changeRobot(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody Robots.RobotDetails details, Actor actor) {
		Robots.Robot robot = this.robots.update(id, Versions.fromIfMatch(ifMatch), details, actor);
		return ResponseEntity.ok().eTag(Versions.etag(robot.version())).body(robot);
	}

	@DeleteMapping("/api/v1/notification-robots/{id}")
	ResponseEntity<Void> removeRobot(@PathVariable long id, Actor actor) {
		this.robots.delete(id, actor);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/notification-dead-letters")
	List<DeadLetters.DeadLetter> listDeadLetters(Actor actor) {
		return this.deadLetters.list(actor, DEAD_LETTERS);
	}

	@PostMapping("/api/v1/notification-dead-letters/{id}/replay")
	ResponseEntity<Void> replayDeadLetter(@PathVariable long id, Actor actor) {
		this.deadLetters.replay(id, actor);
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/api/v1/notification-dead-letters/replay-all")
	Map<String, Integer> replayAllDeadLetters(Actor actor) {
		return Map.of("replayed", this.deadLetters.replayAll(actor));
	}

}
