package org.qiqing.casework;

/**
 * How urgent a leader marks a matter he assigns (一般, 紧急, 特急). Enterprise requests are all
 * NORMAL: their urgency is their time limit.
 */
public enum Priority {

	NORMAL, URGENT, VERY_URGENT

}
