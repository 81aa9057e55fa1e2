package org.qiqing.casework;

import java.util.Arrays;
import java.util.List;

/**
 * A category's one-time notification (一次性告知): what the government needs to know, the
 * documents to bring or attach, what happens next, and a free note. Any part may be
 * missing; the limits it quotes are the category's own.
 */
public record CategoryGuide(String needs, List<String> documents, String process, String note) {

	/** The longest a part may be, as stored: the documents count one a line. */
	public static final int MAX_LENGTH = 4000;

	public CategoryGuide {
		needs = clean(needs);
		process = clean(process);
		note = clean(note);
		documents = documents == null ? List.of()
				: documents.stream()
					.filter(line -> line != null)
					.flatMap(line -> Arrays.stream(line.split("\\R")))
					.map(String::strip)
					.filter(line -> !line.isEmpty())
					.toList();
	}

	/** A guide from the documents typed one a line, as the page's form sends them. */
	public static CategoryGuide of(String needs, String documentLines, String process, String note) {
		return new CategoryGuide(needs, documentLines == null ? List.of() : List.of(documentLines), process, note);
	}

	/** Whether nobody has written anything yet: only the limits are shown then. */
	public boolean isEmpty() {
		return this.needs == null && this.documents.isEmpty() && this.process == null && this.note == null;
	}

	/** The documents as stored: one a line. */
	public String documentLines() {
		return this.documents.isEmpty() ? null : String.join("\n", this.documents);
	}

	private static String clean(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return text.strip().replace("\r\n", "\n");
	}

}
