package org.qiqing.casework;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dispatch board and the supervision desk ({@code qiqing.desk.*}).
 *
 * @param countCache how long the counts of the board's columns and the desk's tally of
 * one jurisdiction are answered again without counting again: counting tens of thousands
 * of cases under the jurisdiction rule costs tens of milliseconds, the rows of a page a
 * few. A step on this node makes them count again at once; a step on another node, or a
 * case the timer sweep turns yellow or red, shows after at most this long. Zero counts
 * every request.
 */
@ConfigurationProperties("qiqing.desk")
public record DeskSettings(@DefaultValue("15s") Duration countCache) {
}
