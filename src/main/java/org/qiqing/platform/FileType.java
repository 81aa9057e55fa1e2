package org.qiqing.platform;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The kinds of file the platform stores from an upload, each known by its extensions, the
 * types a browser may declare for it and its content; the one place that says what a
 * stored file is, and so how it is served. Nothing else is stored: no HTML, no SVG, no
 * script, whatever it is called.
 */
public enum FileType {

	PDF("application/pdf", List.of("pdf"), List.of("application/pdf", "application/x-pdf")) {
		@Override
		boolean holds(byte[] content) {
			return startsWith(content, 0, '%', 'P', 'D', 'F', '-');
		}
	},

	PNG("image/png", List.of("png"), List.of("image/png")) {
		@Override
		boolean holds(byte[] content) {
			return startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
		}
	},

	JPEG("image/jpeg", List.of("jpg", "jpeg"), List.of("image/jpeg", "image/pjpeg")) {
		@Override
		boolean holds(byte[] content) {
			return startsWith(content, 0, 0xFF, 0xD8, 0xFF);
		}
	},

	WEBP("image/webp", List.of("webp"), List.of("image/webp")) {
		@Override
		boolean holds(byte[] content) {
			return startsWith(content, 0, 'R', 'I', 'F', 'F') && startsWith(content, 8, 'W', 'E', 'B', 'P');
		}
	},

	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"),
			List.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip",
					"application/x-zip-compressed")) {
		@Override
		boolean holds(byte[] content) {
			return isOfficeDocument(content, "word/document.xml");
		}
	},

	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"),
			List.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip",
					"application/x-zip-compressed")) {
		@Override
		boolean holds(byte[] content) {
			return isOfficeDocument(content, "xl/workbook.xml");
		}
	};

	/** What a browser sends when it does not know: no claim, so no disagreement. */
	private static final List<String> UNDECLARED = List.of("", "application/octet-stream");

	private final String mediaType;

	private final List<String> extensions;

	private final List<String> declared;

	FileType(String mediaType, List<String> extensions, List<String> declared) {
		this.mediaType = mediaType;
		this.extensions = extensions;
		this.declared = declared;
	}

	/** The type the file is served as. */
	public String mediaType() {
		return this.mediaType;
	}

	public List<String> extensions() {
		return this.extensions;
	}

	/** Whether a browser may show it in a page: a raster image whose bytes say so. */
	public boolean inline() {
		return this == PNG || this == JPEG || this == WEBP;
	}

	/** Whether the content is a file of this kind, by its first bytes (and parts). */
	abstract boolean holds(byte[] content);

	/** The kind a file name's extension names, if any. */
	public static Optional<FileType> ofName(String filename) {
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
		return Arrays.stream(values()).filter(type -> type.extensions.contains(extension)).findFirst();
	}

	/** The kind stored under a media type, if any. */
	public static Optional<FileType> ofMediaType(String mediaType) {
		return Arrays.stream(values()).filter(type -> type.mediaType.equalsIgnoreCase(mediaType)).findFirst();
	}

	/**
	 * Whether a declared type (the part's Content-Type) is one this kind may be sent as.
	 */
	boolean agreesWith(String declaredType) {
		String type = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase(Locale.ROOT);
		return UNDECLARED.contains(type) || this.declared.contains(type);
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

	/**
	 * An Office Open XML package: a zip whose directory lists its content types and main
	 * part. Only the zip's directory is read; nothing is inflated.
	 */
	private static boolean isOfficeDocument(byte[] content, String mainPart) {
		if (!startsWith(content, 0, 'P', 'K', 3, 4)) {
			return false;
		}
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
			return zip.getEntry("[Content_Types].xml") != null && zip.getEntry(mainPart) != null;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

}
