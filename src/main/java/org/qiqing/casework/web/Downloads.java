package org.qiqing.casework.web;

import java.nio.charset.StandardCharsets;

import org.qiqing.casework.CaseHistory;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An attachment as a download, its (often Chinese) file name encoded as RFC 6266 asks.
 */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<byte[]> of(CaseHistory.Attachment file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.filename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(file.content());
	}

}
