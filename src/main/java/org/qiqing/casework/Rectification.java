package org.qiqing.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * A rectification item to file (整改): what is to be put right, by which unit, by when (the
 * plan's last date), with the files that show the problem.
 */
public record Rectification(String title, String description, Long unitId, LocalDate dueDate,
		List<NewAttachment> attachments) {

	/** The category whose limits rectification items follow (V44). */
	public static final String CATEGORY_CODE = "RECTIFICATION";

	public Rectification {
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

}
