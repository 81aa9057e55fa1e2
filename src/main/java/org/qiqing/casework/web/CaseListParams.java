package org.qiqing.casework.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.qiqing.casework.CaseFilter;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.CaseSort;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.Categories;
import org.qiqing.casework.Channel;
import org.qiqing.casework.QueueOrder;
import org.qiqing.casework.QueueTab;
import org.qiqing.casework.TimeState;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Units;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Text;

import org.springframework.stereotype.Component;

/**
 * Reads the filters of the list of all cases and of the queue from their query
 * parameters, the same for the pages and the API (the statistics dashboard links to them
 * by these names):
 * {@code state, unit, category, kind, channel, time (GREEN|YELLOW|RED), from, to
 * (yyyy-MM-dd, the filing day, inclusive), region (a region code), q, sort}, and for the
 * queue {@code tab, kind, sort}. A value that names nothing is refused with a reason per
 * parameter (400), never passed on to fail in the database.
 */
@Component
class CaseListParams {

	/** The raw parameters of the list, as the address carries them. */
	record Raw(String state, String unit, String category, String kind, String channel, String time, String from,
			String to, String region, String q, String sort) {

		/** The given parameters in order, for the address of another page or a link. */
		Map<String, String> given() {
			Map<String, String> given = new LinkedHashMap<>();
			put(given, "state", this.state);
			put(given, "unit", this.unit);
			put(given, "category", this.category);
			put(given, "kind", this.kind);
			put(given, "channel", this.channel);
			put(given, "time", this.time);
			put(given, "from", this.from);
			put(given, "to", this.to);
			put(given, "region", this.region);
			put(given, "q", this.q);
			put(given, "sort", this.sort);
			return given;
		}

		/** How many filters beyond the text and the order are set. */
		int narrowing() {
			Map<String, String> given = given();
			given.remove("q");
			given.remove("sort");
			return given.size();
		}

		private static void put(Map<String, String> map, String name, String value) {
			if (value != null && !value.isBlank()) {
				map.put(name, value.strip());
			}
		}

	}

	private final Units units;

	private final Categories categories;

	private final Regions regions;

	CaseListParams(Units units, Categories categories, Regions regions) {
		this.units = units;
		this.categories = categories;
		this.regions = regions;
	}

	/**
	 * @throws InvalidInput naming each parameter whose value names nothing
	 */
	CaseFilter filter(Raw raw, Actor actor) {
		Map<String, Text> errors = new LinkedHashMap<>();
		Map<String, String> given = raw.given();
		CaseState state = member(given, "state", CaseState.class, errors);
		Long unit = parse(given, "unit", Long::valueOf, errors);
		if (unit != null && this.units.findById(unit).isEmpty()) {
			errors.put("unit", text("cases.filter.unknown", "unit", given.get("unit")));
			unit = null;
		}
		Long category = parse(given, "category", Long::valueOf, errors);
		if (category != null && this.categories.find(category).isEmpty()) {
			errors.put("category", text("cases.filter.unknown", "category", given.get("category")));
			category = null;
		}
		CaseKind kind = member(given, "kind", CaseKind.class, errors);
		Channel channel = member(given, "channel", Channel.class, errors);
		TimeState time = parse(given, "time", CaseListParams::timeState, errors);
		LocalDate from = parse(given, "from", LocalDate::parse, errors);
		LocalDate to = parse(given, "to", LocalDate::parse, errors);
		if (from != null && to != null && to.isBefore(from)) {
			errors.put("to", text("cases.filter.toBeforeFrom"));
		}
		Region region = parse(given, "region", value -> this.regions.find(value).orElseThrow(), errors);
		CaseSort sort = member(given, "sort", CaseSort.class, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return new CaseFilter(state, unit, category, kind, channel, time, from, to,
				region == null ? null : region.path(), region != null && outside(region, actor), raw.q(), sort);
	}

	/**
	 * A region that neither lies in the person's jurisdiction nor holds it: nothing of it
	 * is his to see by region. A person without a jurisdiction (a handler, an enterprise)
	 * narrows his own cases by it, which {@code CaseScope} still bounds.
	 */
	private static boolean outside(Region region, Actor actor) {
		return actor.jurisdictionPath() != null && !actor.oversees(region.path())
				&& !actor.jurisdictionPath().startsWith(region.path());
	}

	/** The time states by the names the statistics use: GREEN, YELLOW, RED. */
	private static TimeState timeState(String value) {
		return switch (value.toUpperCase(Locale.ROOT)) {
			case "GREEN" -> TimeState.ON_TIME;
			case "YELLOW" -> TimeState.YELLOW;
			case "RED" -> TimeState.RED;
			default -> throw new IllegalArgumentException(value);
		};
	}

	/** The name of a time state in the address. */
	static String timeParameter(TimeState state) {
		return state == TimeState.ON_TIME ? "GREEN" : state.name();
	}

	QueueTab tab(String value) {
		return value == null || value.isBlank() ? QueueTab.ALL
				: only("tab", value, () -> QueueTab.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
	}

	CaseKind kind(String value) {
		return value == null || value.isBlank() ? null
				: only("kind", value, () -> CaseKind.valueOf(value.strip().toUpperCase(Locale.ROOT)));
	}

	QueueOrder order(String value) {
		return value == null || value.isBlank() ? QueueOrder.URGENCY
				: only("sort", value, () -> QueueOrder.valueOf(value.strip().toUpperCase(Locale.ROOT)));
	}

	private <T> T only(String name, String value, java.util.function.Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (RuntimeException ex) {
			throw new InvalidInput(name, text("cases.filter.unknown", name, value));
		}
	}

	private <T> T parse(Map<String, String> given, String name, Function<String, T> parse, Map<String, Text> errors) {
		String value = given.get(name);
		if (value == null) {
			return null;
		}
		try {
			return parse.apply(value);
		}
		catch (RuntimeException ex) {
			errors.put(name,
					text(ex instanceof DateTimeParseException ? "cases.filter.badDate" : "cases.filter.unknown", name,
							value));
			return null;
		}
	}

	/**
	 * A value of an enumeration, named case-insensitively; a refusal lists the values.
	 */
	private <E extends Enum<E>> E member(Map<String, String> given, String name, Class<E> type,
			Map<String, Text> errors) {
		String value = given.get(name);
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.put(name,
					text("error.field.oneOf", name, value,
							java.util.Arrays.stream(type.getEnumConstants())
								.map(Enum::name)
								.collect(java.util.stream.Collectors.joining(", "))));
			return null;
		}
	}

	private static Text text(String key, Object... args) {
		return Text.of(key, args);
	}

}
