package org.qiqing.casework;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dispatch board and the supervision desk ({@code qiqing.desk.*}).
 *
 * @param countCache how long the counts of the board's columns, the desk's tally of one
 * jurisdiction, the dashboard's watch and the tabs of a large queue
 * ({@link QueueCountsKept}) are answered again without counting again: counting tens of
 * thousands of cases under the jurisdiction rule costs tens of milliseconds, the rows of
 * a page a few. A step, or a case the timer sweep turns yellow or red, shows in them
 * after at most this long (and one recount). Zero counts every request.
 */
@ConfigurationProperties("qiqing.desk")
public record DeskSettings(@DefaultValue("15s") Duration countCache) {
}
