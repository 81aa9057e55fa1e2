package org.qiqing.visit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.qiqing.platform.FileType;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Uploads;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Which photos a visit keeps: JPEG, PNG or WebP images whose name, declared type and
 * content agree ({@link Uploads}), at most {@value #MAX_PHOTOS} of {@value #MAX_BYTES}
 * bytes each. The visit page shrinks photos to 1600 px before it queues them, so a real
 * photo is far below the limit.
 */
@Component
public class VisitPhotos {

	public static final int MAX_PHOTOS = 6;

	public static final int MAX_BYTES = 3 * 1024 * 1024;

	static final Set<FileType> ALLOWED = Set.of(FileType.JPEG, FileType.PNG, FileType.WEBP);

	private final MessageSource messages;

	private final Uploads uploads;

	VisitPhotos(MessageSource messages, Uploads uploads) {
		this.messages = messages;
		this.uploads = uploads;
	}

	public List<VisitPhoto> check(List<MultipartFile> files) {
		List<VisitPhoto> accepted = new ArrayList<>();
		List<MultipartFile> present = files == null ? List.of()
				: files.stream().filter(f -> f != null && !f.isEmpty()).toList();
		if (present.size() > MAX_PHOTOS) {
			throw new InvalidInput("photos", text("visit.error.photos.count", MAX_PHOTOS));
		}
		for (MultipartFile file : present) {
			Uploads.Upload photo = this.uploads.check("photos", file, ALLOWED, MAX_BYTES);
			accepted.add(new VisitPhoto(photo.filename(), photo.type().mediaType(), photo.content()));
		}
		return accepted;
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
