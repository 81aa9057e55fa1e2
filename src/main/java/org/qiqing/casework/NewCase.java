package org.qiqing.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a person sends to file a case. A leader's assignment also names its unit, its due
 * date and its priority, and is assigned as it is filed; a service visit carries where
 * and when.
 */
public record NewCase(CaseKind kind, Long categoryId, Long enterpriseId, String title, String description,
		List<NewAttachment> attachments, Assignment assignment, HelpVisit helpVisit) {

	public NewCase {
		kind = kind == null ? CaseKind.ENTERPRISE_REQUEST : kind;
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	public NewCase(CaseKind kind, Long categoryId, Long enterpriseId, String title, String description,
			List<NewAttachment> attachments) {
		this(kind, categoryId, enterpriseId, title, description, attachments, null, null);
	}

	public NewCase(CaseKind kind, Long categoryId, Long enterpriseId, String title, String description,
			List<NewAttachment> attachments, Assignment assignment) {
		this(kind, categoryId, enterpriseId, title, description, attachments, assignment, null);
	}

	/**
	 * An enterprise's request for a service visit (上门服务): the topic is its title, the
	 * note its description.
	 */
	public static NewCase helpVisit(String topic, String note, HelpVisit visit) {
		return new NewCase(CaseKind.HELP_VISIT, null, null, topic, note == null || note.isBlank() ? topic : note,
				List.of(), null, visit);
	}

	/** To whom, by when and how urgently a leader assigns his matter. */
	public record Assignment(Long leadUnitId, Set<Long> coUnitIds, LocalDate dueDate, Priority priority) {

		public Assignment {
			coUnitIds = coUnitIds == null ? Set.of() : Set.copyOf(coUnitIds);
			priority = priority == null ? Priority.NORMAL : priority;
		}

	}

}
