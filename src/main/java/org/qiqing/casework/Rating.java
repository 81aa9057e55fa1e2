package org.qiqing.casework;

/**
 * The national five-level satisfaction scale of 政务服务"好差评".
 */
public enum Rating {

	VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, UNSATISFIED, VERY_UNSATISFIED;

	/** A bad rating sends the case back to its unit. */
	public boolean isBad() {
		return this == UNSATISFIED || this == VERY_UNSATISFIED;
	}

}
