/**
 * The counting layer (统计): rollups of what the steps of cases did, by day, region, unit,
 * category, kind and channel, kept in each step's own transaction from
 * {@code casework.CaseTransitioned} and rebuilt from the case histories; the measures and
 * their definitions (指标口径), the statistics API and the leaders' dashboard (驾驶舱).
 */
package org.qiqing.statistics;
