package org.qiqing.casework;

import java.util.List;

/**
 * What a person sends to file a case.
 */
public record NewCase(CaseKind kind, Long categoryId, Long enterpriseId, String title, String description,
		List<NewAttachment> attachments) {

	public NewCase {
		kind = kind == null ? CaseKind.ENTERPRISE_REQUEST : kind;
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

}
