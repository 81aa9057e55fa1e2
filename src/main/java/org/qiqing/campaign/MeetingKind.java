package org.qiqing.campaign;

/** What kind of meeting. */
public enum MeetingKind {

	/** 定期会商: the regular consultation of the departments concerned. */
	REGULAR,
	/** 双月例会: the bimonthly meeting. */
	BIMONTHLY

}
