package org.qiqing.notification;

/**
 * A notice as a robot posts it into a group: a title and markdown with the subject in
 * bold, the text, and a link to the case.
 */
record RobotMessage(String title, String markdown) {

	static RobotMessage of(String subject, String body, String link) {
		StringBuilder text = new StringBuilder("### ").append(subject).append("\n\n");
		if (body != null && !body.isBlank()) {
			text.append(body).append("\n\n");
		}
		if (link != null && !link.isBlank()) {
			text.append("[查看 / View](").append(link).append(")");
		}
		return new RobotMessage(subject, text.toString().strip());
	}

}
