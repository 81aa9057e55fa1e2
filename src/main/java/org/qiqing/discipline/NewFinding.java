package org.qiqing.discipline;

/**
 * A problem found on an inspection: what, where, of which kind, the unit responsible (the
 * inspected unit when none) and the people involved, if any.
 */
public record NewFinding(Long kindId, Long unitId, String what, String place, String people) {
}
