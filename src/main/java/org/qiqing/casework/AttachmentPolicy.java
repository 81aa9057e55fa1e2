package org.qiqing.casework;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.qiqing.platform.InvalidInput;

import org.springframework.web.multipart.MultipartFile;

/**
 * Which files may be attached: PDF, images and Office documents, recognised by their
 * first bytes rather than by what the browser claims, at most {@value #MAX_FILES} files
 * of {@value #MAX_BYTES} bytes each.
 */
public final class AttachmentPolicy {

	public static final int MAX_FILES = 5;

	public static final int MAX_BYTES = 10 * 1024 * 1024;

	private AttachmentPolicy() {
	}

	public static List<NewAttachment> check(List<MultipartFile> files) {
		List<NewAttachment> accepted = new ArrayList<>();
		if (files == null) {
			return accepted;
		}
		List<MultipartFile> present = files.stream().filter(f -> f != null && !f.isEmpty()).toList();
		if (present.size() > MAX_FILES) {
			throw new InvalidInput("files", "at most " + MAX_FILES + " files may be attached to one step");
		}
		for (MultipartFile file : present) {
			String name = file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
			if (file.getSize() > MAX_BYTES) {
				throw new InvalidInput("files", name + " is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
			}
			try {
				byte[] content = file.getBytes();
				String type = contentType(name, content);
				if (type == null) {
					throw new InvalidInput("files", name + " is not a PDF, image or Office document");
				}
				accepted.add(new NewAttachment(shorten(name), type, content));
			}
			catch (IOException ex) {
				throw new InvalidInput("files", name + " could not be read");
			}
		}
		return accepted;
	}

	static String contentType(String filename, byte[] content) {
		String extension = filename.contains(".")
				? filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
		if (startsWith(content, '%', 'P', 'D', 'F')) {
			return "application/pdf";
		}
		if (startsWith(content, 0x89, 'P', 'N', 'G')) {
			return "image/png";
		}
		if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (startsWith(content, 'P', 'K', 3, 4)) {
			return switch (extension) {
				case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
				case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
				default -> null;
			};
		}
		return null;
	}

	private static boolean startsWith(byte[] content, int... magic) {
		if (content.length < magic.length) {
			return false;
		}
		byte[] head = Arrays.copyOf(content, magic.length);
		for (int i = 0; i < magic.length; i++) {
			if ((head[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static String shorten(String name) {
		String base = name.replaceAll("[\\\\/]", "_");
		return base.length() <= 200 ? base : base.substring(base.length() - 200);
	}

}
