package org.qiqing.visit.web;

import java.time.Duration;

import org.qiqing.organisation.Actor;
import org.qiqing.platform.FileResponses;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Text;
import org.qiqing.visit.VisitQueries;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A visit's photo, as it was sent, on the official's history and the enterprise's
 * profile, and for integrations: shown inline only when its bytes are the raster image it
 * was stored as ({@link FileResponses}). A photo never changes: the browser keeps it, and
 * asks again only with its hash.
 */
@RestController
class VisitPhotoController {

	private final VisitQueries queries;

	VisitPhotoController(VisitQueries queries) {
		this.queries = queries;
	}

	@GetMapping({ "/visits/{visitId}/photos/{photoId}", "/api/v1/visits/{visitId}/photos/{photoId}" })
	ResponseEntity<byte[]> showPhoto(@PathVariable long visitId, @PathVariable long photoId, Actor actor) {
		VisitQueries.StoredPhoto photo = this.queries.photo(visitId, photoId, actor)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.photo"), photoId)));
		return ResponseEntity.ok()
			.headers(FileResponses.image(photo.filename(), photo.contentType(), photo.content()))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePrivate())
			.eTag(photo.sha256())
			.body(photo.content());
	}

}
