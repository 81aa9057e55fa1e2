package org.qiqing.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * A rectification item to file (整改): what is to be put right, by which unit, by when (the
 * plan's last date), with the files that show the problem, and the people who verify it
 * besides the jurisdiction's inspectors (the members of the supervision group that found
 * the problem, as the filing module decides them; none for a unit's own problem).
 */
public record Rectification(String title, String description, Long unitId, LocalDate dueDate,
		List<NewAttachment> attachments, List<Long> verifierIds) {

	/** The category whose limits rectification items follow (V44). */
	public static final String CATEGORY_CODE = "RECTIFICATION";

	public Rectification {
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
		verifierIds = verifierIds == null ? List.of() : List.copyOf(verifierIds);
	}

	public Rectification(String title, String description, Long unitId, LocalDate dueDate,
			List<NewAttachment> attachments) {
		this(title, description, unitId, dueDate, attachments, List.of());
	}

}
