package org.qiqing.casework;

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
 * Which files may be attached: PDF, PNG and JPEG images, Word and Excel documents, each
 * with a name, a declared type and content that agree ({@link Uploads}), at most
 * {@value #MAX_FILES} files of {@value #MAX_BYTES} bytes each.
 */
@Component
public class AttachmentPolicy {

	public static final int MAX_FILES = 5;

	public static final int MAX_BYTES = 10 * 1024 * 1024;

	static final Set<FileType> ALLOWED = Set.of(FileType.PDF, FileType.PNG, FileType.JPEG, FileType.DOCX,
			FileType.XLSX);

	private final Uploads uploads;

	private final MessageSource messages;

	AttachmentPolicy(Uploads uploads, MessageSource messages) {
		this.uploads = uploads;
		this.messages = messages;
	}

	public List<NewAttachment> check(List<MultipartFile> files) {
		List<NewAttachment> accepted = new ArrayList<>();
		if (files == null) {
			return accepted;
		}
		List<MultipartFile> present = files.stream().filter(f -> f != null && !f.isEmpty()).toList();
		if (present.size() > MAX_FILES) {
			throw new InvalidInput("files", this.messages.getMessage("attachment.error.count",
					new Object[] { MAX_FILES }, LocaleContextHolder.getLocale()));
		}
		for (MultipartFile file : present) {
			Uploads.Upload upload = this.uploads.check("files", file, ALLOWED, MAX_BYTES);
			accepted.add(new NewAttachment(upload.filename(), upload.type().mediaType(), upload.content()));
		}
		return accepted;
	}

}
