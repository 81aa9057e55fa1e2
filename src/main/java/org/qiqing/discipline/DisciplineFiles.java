package org.qiqing.discipline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.qiqing.platform.FileType;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Text;
import org.qiqing.platform.Uploads;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Which files a finding or a decision keeps: photos (JPEG, PNG, WebP) and documents (PDF)
 * whose name, declared type and content agree ({@link Uploads}), at most
 * {@value #MAX_FILES} of {@value #MAX_BYTES} bytes each.
 */
@Component
public class DisciplineFiles {

	public static final int MAX_FILES = 6;

	public static final int MAX_BYTES = 5 * 1024 * 1024;

	static final Set<FileType> ALLOWED = Set.of(FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.PDF);

	private final Uploads uploads;

	DisciplineFiles(Uploads uploads) {
		this.uploads = uploads;
	}

	public List<Evidence> check(String field, List<MultipartFile> files) {
		List<MultipartFile> present = files == null ? List.of()
				: files.stream().filter(f -> f != null && !f.isEmpty()).toList();
		if (present.size() > MAX_FILES) {
			throw new InvalidInput(field, Text.of("discipline.error.files", MAX_FILES));
		}
		List<Evidence> accepted = new ArrayList<>();
		for (MultipartFile file : present) {
			Uploads.Upload upload = this.uploads.check(field, file, ALLOWED, MAX_BYTES);
			accepted.add(new Evidence(upload.filename(), upload.type().mediaType(), upload.content()));
		}
		return accepted;
	}

}
