package org.qiqing.casework.web;

import org.qiqing.casework.CaseHistory;
import org.qiqing.platform.FileResponses;

import org.springframework.http.ResponseEntity;

/**
 * An attachment as a download, never shown in the page ({@link FileResponses}).
 */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<byte[]> of(CaseHistory.Attachment file) {
		return ResponseEntity.ok()
			.headers(FileResponses.download(file.filename(), file.contentType(), file.content()))
			.body(file.content());
	}

}
