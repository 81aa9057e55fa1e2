package org.qiqing.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An official document (公文) as {@link DocumentRenderer} prints it: the issuing body in
 * red at the head, its number (文号) and a red rule, the title, whom it is addressed to,
 * the body, and the issuer and date at its foot. Every text is printed as given; the
 * renderer adds only the date and the page numbers.
 *
 * @param issuer the issuing body (发文机关), printed at the head and at the foot
 * @param number the official number, as {@link DocumentNumbers} gave it; null for none
 * @param title the title (标题)
 * @param recipient whom it is addressed to (主送机关), without the colon; null for none
 * @param body paragraphs, headings and tables, in order
 * @param date the date it is issued (成文日期)
 */
public record OfficialDocument(String issuer, String number, String title, String recipient, List<Block> body,
		LocalDate date) {

	public OfficialDocument {
		body = List.copyOf(body);
	}

	/** A part of the body. */
	public sealed interface Block permits Heading, Paragraph, Table {

	}

	/** A heading of a part (一、…), in bold face. */
	public record Heading(String text) implements Block {

	}

	/**
	 * A paragraph, its first line indented by two characters; a line break starts a new
	 * paragraph.
	 */
	public record Paragraph(String text) implements Block {

	}

	/**
	 * A table with ruled cells; its text wraps within each cell.
	 *
	 * @param header the column heads, printed in bold; empty for none
	 * @param rows the rows, each with one text per column (null prints nothing)
	 * @param widths the columns' relative widths, one per column
	 */
	public record Table(List<String> header, List<List<String>> rows, List<Integer> widths) implements Block {

		public Table {
			int columns = widths.size();
			if (columns == 0 || (!header.isEmpty() && header.size() != columns)
					|| rows.stream().anyMatch(row -> row.size() != columns)) {
				throw new IllegalArgumentException("every row of a table has one text per column");
			}
			header = List.copyOf(header);
			rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
			widths = List.copyOf(widths);
		}

		/** A table of two columns, a name and its value, without a header. */
		public static Table ofFacts(List<List<String>> facts) {
			return new Table(List.of(), facts, List.of(1, 3));
		}

	}

}
