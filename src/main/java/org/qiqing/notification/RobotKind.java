package org.qiqing.notification;

/** The group robots a unit's chat group may have. */
public enum RobotKind {

	/** A custom robot of a DingTalk group (钉钉群自定义机器人), signed with its secret. */
	DINGTALK,
	/** A robot of a WeCom group (企业微信群机器人): the key in its URL is its authentication. */
	WECOM

}
