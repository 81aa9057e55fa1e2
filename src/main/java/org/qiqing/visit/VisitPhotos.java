package org.qiqing.visit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.qiqing.platform.InvalidInput;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Which photos a visit keeps: JPEG, PNG or WebP images recognised by their first bytes
 * (not by what the browser claims), at most {@value #MAX_PHOTOS} of {@value #MAX_BYTES}
 * bytes each. The visit page shrinks photos to 1600 px before it queues them, so a real
 * photo is far below the limit.
 */
@Component
public class VisitPhotos {

	public static final int MAX_PHOTOS = 6;

	public static final int MAX_BYTES = 3 * 1024 * 1024;

	private final MessageSource messages;

	VisitPhotos(MessageSource messages) {
		this.messages = messages;
	}

	public List<VisitPhoto> check(List<MultipartFile> files) {
		List<VisitPhoto> accepted = new ArrayList<>();
		List<MultipartFile> present = files == null ? List.of()
				: files.stream().filter(f -> f != null && !f.isEmpty()).toList();
		if (present.size() > MAX_PHOTOS) {
			throw new InvalidInput("photos", text("visit.error.photos.count", MAX_PHOTOS));
		}
		for (MultipartFile file : present) {
			String name = shorten(file.getOriginalFilename() == null ? "photo" : file.getOriginalFilename());
			if (file.getSize() > MAX_BYTES) {
				throw new InvalidInput("photos", text("visit.error.photo.size", name, MAX_BYTES / 1024 / 1024));
			}
			try {
				byte[] content = file.getBytes();
				String type = imageType(content);
				if (type == null) {
					throw new InvalidInput("photos", text("visit.error.photo.type", name));
				}
				accepted.add(new VisitPhoto(name, type, content));
			}
			catch (IOException ex) {
				throw new InvalidInput("photos", text("visit.error.photo.type", name));
			}
		}
		return accepted;
	}

	static String imageType(byte[] content) {
		if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "image/png";
		}
		if (startsWith(content, 0, 'R', 'I', 'F', 'F') && startsWith(content, 8, 'W', 'E', 'B', 'P')) {
			return "image/webp";
		}
		return null;
	}

	private static boolean startsWith(byte[] content, int offset, int... magic) {
		if (content.length < offset + magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((content[offset + i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static String shorten(String name) {
		String base = name.replaceAll("[\\\\/]", "_");
		return base.length() <= 200 ? base : base.substring(base.length() - 200);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
