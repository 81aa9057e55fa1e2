package org.qiqing.platform;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks an uploaded file before anything stores it: its name's extension, the type its
 * part declares and its content must all say the same allowed {@link FileType}, or it is
 * refused (400) under its name; then, when scanning is on, the {@link UploadScanner} must
 * find it clean. Browsers that declare nothing, or {@code application/octet-stream},
 * claim nothing and so disagree with nothing; the name and the content still decide.
 */
@Component
@EnableConfigurationProperties(UploadSettings.class)
public class Uploads {

	private static final Logger log = LoggerFactory.getLogger(Uploads.class);

	private final MessageSource messages;

	private final UploadScanner scanner;

	Uploads(MessageSource messages, UploadSettings settings, ObjectProvider<UploadScanner> scanners) {
		this.messages = messages;
		this.scanner = settings.scan() ? scanners.getIfAvailable() : null;
		if (settings.scan() && this.scanner == null) {
			throw new IllegalStateException(
					"qiqing.uploads.scan is on, but there is no UploadScanner bean to scan uploads with");
		}
	}

	/** A checked file: its name without folders, its kind, its bytes. */
	public record Upload(String filename, FileType type, byte[] content) {
	}

	/**
	 * @param field the name of the form field, under which a refusal is reported
	 * @param maxBytes the largest file accepted
	 * @throws InvalidInput naming the file when it is larger than allowed, of a kind not
	 * allowed, declared or filled as another kind, or found infected
	 */
	public Upload check(String field, MultipartFile file, Set<FileType> allowed, long maxBytes) {
		String name = shorten(file.getOriginalFilename() == null ? "file" : file.getOriginalFilename());
		if (file.getSize() > maxBytes) {
			throw new InvalidInput(field, text("upload.error.size", name, maxBytes / 1024 / 1024));
		}
		FileType type = FileType.ofName(name).filter(allowed::contains).orElse(null);
		if (type == null) {
			throw new InvalidInput(field,
					text("upload.error.kind", name,
							allowed.stream()
								.flatMap(kind -> kind.extensions().stream())
								.map(extension -> "." + extension)
								.collect(Collectors.joining(", "))));
		}
		if (!type.agreesWith(file.getContentType())) {
			throw new InvalidInput(field, text("upload.error.declared", name, file.getContentType(), type.name()));
		}
		byte[] content;
		try {
			content = file.getBytes();
		}
		catch (IOException ex) {
			throw new InvalidInput(field, text("upload.error.content", name, type.name()));
		}
		if (!type.holds(content)) {
			throw new InvalidInput(field, text("upload.error.content", name, type.name()));
		}
		scan(field, name, type, content);
		return new Upload(name, type, content);
	}

	private void scan(String field, String name, FileType type, byte[] content) {
		if (this.scanner == null) {
			return;
		}
		UploadScanner.Verdict verdict;
		try {
			verdict = this.scanner.scan(name, type, content);
		}
		catch (IOException | RuntimeException ex) {
			log.error("the upload scanner failed on {}; the file was refused", name, ex);
			throw new InvalidInput(field, text("upload.error.unscanned", name));
		}
		if (verdict.isInfected()) {
			log.warn("the upload scanner found {} in {}; the file was refused", verdict.threat(), name);
			throw new InvalidInput(field, text("upload.error.infected", name, verdict.threat()));
		}
	}

	private static String shorten(String name) {
		String base = name.replaceAll("[\\\\/]", "_");
		return base.length() <= 200 ? base : base.substring(base.length() - 200);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
