package org.qiqing.discipline;

/** How a unit is inspected. */
public enum InspectionMode {

	/** 明查: the unit is told and sees the inspection at once. */
	PLANNED,
	/** 暗访: the unit learns of it only when its findings are issued. */
	UNANNOUNCED

}
