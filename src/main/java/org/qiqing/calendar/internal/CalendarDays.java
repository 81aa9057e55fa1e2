package org.qiqing.calendar.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.qiqing.calendar.CalendarEntry;
import org.qiqing.calendar.DayKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored calendar entries ({@code calendar_day}), read and written a region's year at
 * a time.
 */
@Repository
public class CalendarDays {

	private final JdbcClient jdbc;

	CalendarDays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The entries of a year, nationally and of every region, by day. */
	public List<CalendarEntry> ofYear(int year) {
		return this.jdbc.sql("""
				select region_code, on_date, kind, name from calendar_day
				where on_date between :first and :last
				order by on_date, region_code""")
			.param("first", LocalDate.of(year, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.query((rs, n) -> new CalendarEntry(rs.getString(1), rs.getObject(2, LocalDate.class),
					DayKind.valueOf(rs.getString(3)), rs.getString(4)))
			.list();
	}

	/** Sets a day of a region (national: ""), whatever it was. */
	public void put(CalendarEntry entry) {
		int updated = this.jdbc
			.sql("update calendar_day set kind = :kind, name = :name where region_code = :region and on_date = :day")
			.param("kind", entry.kind().name())
			.param("name", entry.name())
			.param("region", entry.regionCode())
			.param("day", entry.day())
			.update();
		if (updated == 0) {
			insert(entry);
		}
	}

	/**
	 * @return whether there was such a day
	 */
	public boolean remove(String regionCode, LocalDate day) {
		return this.jdbc.sql("delete from calendar_day where region_code = :region and on_date = :day")
			.param("region", regionCode)
			.param("day", day)
			.update() > 0;
	}

	/** Replaces a region's entries of a year with others, in the caller's transaction. */
	public void replaceYear(String regionCode, int year, Collection<CalendarEntry> entries) {
		this.jdbc.sql("delete from calendar_day where region_code = :region and on_date between :first and :last")
			.param("region", regionCode)
			.param("first", LocalDate.of(year, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.update();
		entries.forEach(this::insert);
	}

	private void insert(CalendarEntry entry) {
		this.jdbc
			.sql("insert into calendar_day (region_code, on_date, kind, name) values (:region, :day, :kind, :name)")
			.param("region", entry.regionCode())
			.param("day", entry.day())
			.param("kind", entry.kind().name())
			.param("name", entry.name())
			.update();
	}

}
