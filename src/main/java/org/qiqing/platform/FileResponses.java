package org.qiqing.platform;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The headers a stored file is served with. Its type is the one {@link FileType} says and
 * its bytes confirm, else {@code application/octet-stream}; never HTML or SVG, which a
 * browser would run in the platform's origin. It is a download
 * ({@code Content-Disposition: attachment}, the name as RFC 6266 encodes it, with the
 * kind's extension added when the stored name lacks it) unless it is a verified raster
 * image that a page may show inline; and browsers are told not to guess
 * ({@code nosniff}).
 */
public final class FileResponses {

	private FileResponses() {
	}

	/** A file to download. */
	public static HttpHeaders download(String filename, String storedType, byte[] content) {
		return headers(filename, storedType, content, false);
	}

	/** A photo to show in a page, or to download if its bytes are not a raster image. */
	public static HttpHeaders image(String filename, String storedType, byte[] content) {
		return headers(filename, storedType, content, true);
	}

	private static HttpHeaders headers(String filename, String storedType, byte[] content, boolean showImage) {
		FileType type = FileType.ofMediaType(storedType).filter(kind -> kind.holds(content)).orElse(null);
		String name = filename == null || filename.isBlank() ? "file" : filename;
		if (type != null && FileType.ofName(name).filter(type::equals).isEmpty()) {
			name = name + "." + type.extensions().get(0);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(
				type == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(type.mediaType()));
		ContentDisposition.Builder disposition = showImage && type != null && type.inline()
				? ContentDisposition.inline() : ContentDisposition.attachment();
		headers.setContentDisposition(disposition.filename(name, StandardCharsets.UTF_8).build());
		headers.set("X-Content-Type-Options", "nosniff");
		return headers;
	}

}
