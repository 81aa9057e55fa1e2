package org.qiqing.campaign;

import java.time.LocalDate;

/** A decision of a meeting: what, by which unit, by when. */
public record NewDecision(String text, Long unitId, LocalDate dueOn) {
}
