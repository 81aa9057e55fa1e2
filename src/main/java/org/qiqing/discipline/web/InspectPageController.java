package org.qiqing.discipline.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.qiqing.discipline.DeviceInspections;
import org.qiqing.discipline.DisciplineFilter;
import org.qiqing.discipline.DisciplineQueries;
import org.qiqing.discipline.DisciplineScope;
import org.qiqing.discipline.Views;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.Paging;
import org.qiqing.platform.PlatformClock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inspection page of a phone ({@code /discipline/inspect}), which works offline as
 * the visit page does: it carries, in the page itself, what a group member needs to
 * record an inspection without a network (his running actions with their checklists,
 * groups and the units they cover, and the kinds of problem); its script queues the
 * inspection on the phone and sends it when it can ({@link InspectionDeviceController}).
 */
@Controller
class InspectPageController {

	static final String INSPECT = "discipline/inspect";

	/** An action that ended this many days ago still takes the inspections made in it. */
	private static final int DAYS_AFTER_END = 30;

	private final DisciplineQueries queries;

	private final DisciplineScope scope;

	private final Units units;

	private final Regions regions;

	private final JsonMapper json;

	private final Clock clock;

	InspectPageController(DisciplineQueries queries, DisciplineScope scope, Units units, Regions regions,
			JsonMapper json, Clock clock) {
		this.queries = queries;
		this.scope = scope;
		this.units = units;
		this.regions = regions;
		this.json = json;
		this.clock = clock;
	}

	/** An action as the phone keeps it. */
	record Running(long id, String theme, LocalDate startsOn, LocalDate endsOn, List<Views.Checkpoint> checkpoints,
			List<Choice> groups, List<Choice> units) {
	}

	record Choice(long id, String name) {
	}

	/** A planned inspection of his groups set for today, not yet filled in. */
	record Scheduled(long id, long actionId, long groupId, long unitId, String unitName, String theme,
			LocalDate inspectedOn) {
	}

	record PageData(String user, LocalDate today, int maxPhotos, List<Running> actions, List<Choice> kinds,
			List<Scheduled> scheduled) {
	}

	@GetMapping("/discipline/inspect")
	String initInspectionForm(@RequestParam(required = false) Long action, Actor actor, Model model) {
		if (actor.enterpriseId() != null || !this.scope.isDiscipline(actor)) {
			throw new AccessDeniedException("discipline roles only");
		}
		LocalDate today = LocalDate.now(this.clock.withZone(PlatformClock.CHINA));
		List<Running> running = this.queries
			.actions(new DisciplineFilter(null, today, null, null), Paging.of(0, 50, 100), actor)
			.stream()
			.filter(a -> !a.endsOn().isBefore(today.minusDays(DAYS_AFTER_END)))
			.map(a -> running(this.queries.action(a.id(), actor)))
			.toList();
		Locale locale = LocaleContextHolder.getLocale();
		List<Choice> kinds = this.queries.kinds()
			.stream()
			.filter(k -> !k.retired())
			.map(k -> new Choice(k.id(), k.nameIn(locale)))
			.toList();
		List<Scheduled> scheduled = this.queries.toFillInToday(today, actor)
			.stream()
			.filter(i -> running.stream().anyMatch(a -> a.id() == i.actionId()))
			.map(i -> new Scheduled(i.id(), i.actionId(), i.groupId(), i.unitId(), i.unitName(), i.theme(),
					i.inspectedOn()))
			.toList();
		PageData data = new PageData(actor.username(), today, DeviceInspections.MAX_PHOTOS, running, kinds, scheduled);
		// Inside a <script type="application/json"> block: no "<" may close it early.
		model.addAttribute("data", this.json.writeValueAsString(data).replace("<", "\\u003c"));
		model.addAttribute("actions", running);
		model.addAttribute("kinds", kinds);
		model.addAttribute("scheduled", scheduled);
		model.addAttribute("chosen", action);
		model.addAttribute("today", today);
		model.addAttribute("maxPhotos", DeviceInspections.MAX_PHOTOS);
		model.addAttribute("installable", true);
		model.addAttribute("manifest", "/inspect-manifest.json");
		return INSPECT;
	}

	private Running running(Views.ActionDetail detail) {
		Views.Action a = detail.action();
		return new Running(a.id(), a.theme(), a.startsOn(), a.endsOn(), detail.checkpoints(),
				detail.groups().stream().map(g -> new Choice(g.id(), g.name())).toList(), covered(detail));
	}

	/** The units in the regions an action covers (its organiser's region when none). */
	private List<Choice> covered(Views.ActionDetail detail) {
		List<String> codes = detail.regionCodes().isEmpty() ? List.of(detail.action().regionCode())
				: detail.regionCodes();
		List<String> paths = codes.stream()
			.map(code -> this.regions.find(code).map(Region::path).orElse("\u0000"))
			.toList();
		return this.units.findAll()
			.stream()
			.filter(Unit::isEnabled)
			.filter(unit -> this.regions.find(unit.getRegionCode())
				.map(region -> paths.stream().anyMatch(region.path()::startsWith))
				.orElse(false))
			.sorted(Comparator.comparing(Unit::getCode))
			.map(unit -> new Choice(unit.getId(), unit.getName()))
			.toList();
	}

}
