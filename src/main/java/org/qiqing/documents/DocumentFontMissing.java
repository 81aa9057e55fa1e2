package org.qiqing.documents;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.qiqing.platform.Text;
import org.qiqing.platform.Texts;

/**
 * No Chinese font to print with: the server needs one installed (Debian's
 * {@code fonts-wqy-zenhei}) or named by {@code qiqing.documents.font}. The pages and the
 * API answer it as 503 with this text, naming the files tried.
 */
public class DocumentFontMissing extends RuntimeException {

	private final transient Text text;

	DocumentFontMissing(List<Path> tried) {
		this(Text.of("error.document.font", tried.stream().map(Path::toString).collect(Collectors.joining(", "))));
	}

	private DocumentFontMissing(Text text) {
		super(Texts.resolve(text, Locale.ENGLISH));
		this.text = text;
	}

	public Text text() {
		return this.text;
	}

}
