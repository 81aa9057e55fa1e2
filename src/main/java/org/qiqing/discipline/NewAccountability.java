package org.qiqing.discipline;

import java.time.LocalDate;

/**
 * An accountability decision to register: its cause, whom it holds accountable (a person
 * of a unit, or the unit), the form, who decided, when and under which document number.
 */
public record NewAccountability(CauseType causeType, Long causeId, Subject subject, String personName, Long unitId,
		AccountabilityForm form, String decidedBy, LocalDate decidedOn, String documentNumber) {
}
