package org.qiqing.notification;

/**
 * A notice as a robot posts it into a group: a title and markdown with the subject in
 * bold, the text, and a link to the case, all in the robot's language.
 */
record RobotMessage(String title, String markdown) {

	/**
	 * @param view the link's words in the robot's language
	 * ({@code notification.robot.view})
	 */
	static RobotMessage of(String subject, String body, String link, String view) {
		StringBuilder text = new StringBuilder("### ").append(subject).append("\n\n");
		if (body != null && !body.isBlank()) {
			text.append(body).append("\n\n");
		}
		if (link != null && !link.isBlank()) {
			text.append('[').append(view).append("](").append(link).append(")");
		}
		return new RobotMessage(subject, text.toString().strip());
	}

}
