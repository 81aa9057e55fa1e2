package org.qiqing.casework;

/**
 * How a case honestly ended. Each is counted apart: an explained or out-of-remit request
 * is handled, but it is not "solved".
 */
public enum Outcome {

	/** 已解决 */
	SOLVED,
	/** 诉求不合理，已解释 */
	EXPLAINED,
	/** 不属受理范围，已告知渠道: requires the right channel to be named */
	OUT_OF_REMIT,
	/** 依法不予支持 */
	NOT_SUPPORTED_BY_LAW,
	/** 暂无法解决 */
	UNSOLVABLE

}
