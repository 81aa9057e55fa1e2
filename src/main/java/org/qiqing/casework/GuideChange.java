package org.qiqing.casework;

/**
 * What an administrator sends to change a category's guide and, optionally, its limits: a
 * limit left out (null) stays as it is.
 */
public record GuideChange(CategoryGuide guide, Integer acceptHours, Integer contactHours, Integer stageReplyDays,
		Integer resolveDays) {

}
