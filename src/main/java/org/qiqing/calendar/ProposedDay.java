package org.qiqing.calendar;

/**
 * A day as a person or a file states it, before any check: the texts as written.
 *
 * @param line where it was written (see {@link CalendarImportRefused.Problem#line()})
 */
record ProposedDay(int line, String date, String kind, String name) {

}
