package org.qiqing.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.qiqing.documents.OfficialDocument.Block;
import org.qiqing.documents.OfficialDocument.Heading;
import org.qiqing.documents.OfficialDocument.Paragraph;
import org.qiqing.documents.OfficialDocument.Table;
import org.qiqing.platform.Text;
import org.qiqing.platform.Texts;

import org.springframework.stereotype.Component;

/**
 * Prints an {@link OfficialDocument} as an A4 PDF in the layout of a government document:
 * the issuer in red, the number and a red rule, the title, the addressee, the body, the
 * issuer and the date at the foot, the page numbers. Chinese is printed with the font of
 * {@link DocumentSettings} (a subset of it is embedded, so the PDF reads the same
 * anywhere); a character the font lacks is printed as {@code ?}, never as an empty box.
 * Thread-safe: each document reads the font file anew.
 */
@Component
public class DocumentRenderer {

	/** The texts of a document are Chinese whatever the reader's language. */
	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	/** 中, which a Chinese font has. */
	private static final int A_HAN_CHARACTER = 0x4E2D;

	private static final PDRectangle PAGE = PDRectangle.A4;

	private static final float LEFT = 72;

	private static final float RIGHT = PAGE.getWidth() - 64;

	private static final float TOP = PAGE.getHeight() - 64;

	private static final float BOTTOM = 72;

	private static final float WIDTH = RIGHT - LEFT;

	private static final float BODY = 12;

	private static final float BODY_LEADING = 21;

	private static final float CELL = 10.5f;

	private static final float CELL_LEADING = 15;

	private static final float CELL_PAD = 4;

	private static final float[] RED = { 0.8f, 0.07f, 0.07f };

	private final DocumentSettings settings;

	public DocumentRenderer(DocumentSettings settings) {
		this.settings = settings;
	}

	/**
	 * The document as a PDF.
	 * @throws DocumentFontMissing when no Chinese font is found
	 */
	public byte[] render(OfficialDocument document) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		render(document, out);
		return out.toByteArray();
	}

	/**
	 * Writes the document as a PDF to {@code out}, which it leaves open.
	 * @throws DocumentFontMissing when no Chinese font is found
	 */
	public void render(OfficialDocument document, OutputStream out) {
		Path file = fontFile();
		try (FontSource source = FontSource.open(file); PDDocument pdf = new PDDocument()) {
			PDType0Font font = PDType0Font.load(pdf, source.font(), true);
			PDDocumentInformation info = pdf.getDocumentInformation();
			info.setTitle(document.number() == null ? document.title() : document.number() + " " + document.title());
			info.setAuthor(document.issuer());
			info.setCreator("Qiqing");
			new Layout(pdf, font, source.cmap()).print(document);
			pdf.save(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The font file to print with; none found is {@link DocumentFontMissing}. */
	Path fontFile() {
		return this.settings.fonts()
			.stream()
			.filter(Files::isReadable)
			.findFirst()
			.orElseThrow(() -> new DocumentFontMissing(this.settings.fonts()));
	}

	/** The date as a document gives it: 2026年12月7日. */
	static String date(LocalDate day) {
		return Texts.resolve(Text.of("document.date", day.getYear(), day.getMonthValue(), day.getDayOfMonth()),
				CHINESE);
	}

	/**
	 * A font read from its file, open until the PDF is saved (the subset is taken then).
	 */
	private record FontSource(TrueTypeFont font, CmapLookup cmap, AutoCloseable file) implements AutoCloseable {

		static FontSource open(Path path) throws IOException {
			if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
				TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
				List<TrueTypeFont> found = new ArrayList<>();
				collection.processAllFonts(font -> {
					if (found.isEmpty() && font.getUnicodeCmapLookup(false) != null
							&& font.getUnicodeCmapLookup(false).getGlyphId(A_HAN_CHARACTER) > 0) {
						found.add(font);
					}
				});
				if (found.isEmpty()) {
					collection.close();
					throw new DocumentFontMissing(List.of(path));
				}
				return new FontSource(found.get(0), found.get(0).getUnicodeCmapLookup(false), collection);
			}
			TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
			CmapLookup cmap = font.getUnicodeCmapLookup(false);
			if (cmap == null || cmap.getGlyphId(A_HAN_CHARACTER) == 0) {
				font.close();
				throw new DocumentFontMissing(List.of(path));
			}
			return new FontSource(font, cmap, font);
		}

		@Override
		public void close() throws IOException {
			try {
				this.file.close();
			}
			catch (IOException | RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IOException(ex);
			}
		}

	}

	/** One document being laid out, page by page. */
	private static final class Layout {

		private final PDDocument pdf;

		private final PDType0Font font;

		private final CmapLookup cmap;

		private PDPageContentStream page;

		private float y;

		Layout(PDDocument pdf, PDType0Font font, CmapLookup cmap) {
			this.pdf = pdf;
			this.font = font;
			this.cmap = cmap;
		}

		void print(OfficialDocument document) throws IOException {
			newPage();
			// The head: issuer in red, the number, a red rule.
			this.y -= 10;
			centred(printable(document.issuer()), 24, RED, true);
			this.y -= 40;
			if (document.number() != null) {
				centred(printable(document.number()), BODY, null, false);
				this.y -= BODY + 8;
			}
			rule(RED, 1.5f);
			this.y -= 44;
			for (String line : wrap(printable(document.title()), 18, WIDTH, 0)) {
				space(28);
				centred(line, 18, null, true);
				this.y -= 28;
			}
			this.y -= 10;
			if (document.recipient() != null) {
				space(BODY_LEADING);
				write(printable(document.recipient()) + Texts.resolve(Text.of("punct.colon"), CHINESE), LEFT, BODY,
						false);
				this.y -= BODY_LEADING;
			}
			for (Block block : document.body()) {
				if (block instanceof Paragraph paragraph) {
					paragraph(paragraph.text());
				}
				else if (block instanceof Heading heading) {
					heading(heading.text());
				}
				else if (block instanceof Table table) {
					table(table);
				}
			}
			// The foot: the issuer and the date, right-aligned.
			this.y -= BODY_LEADING;
			space(BODY_LEADING * 2);
			right(printable(document.issuer()), BODY);
			this.y -= BODY_LEADING;
			right(date(document.date()), BODY);
			this.page.close();
			numberPages();
		}

		private void paragraph(String text) throws IOException {
			for (String part : printable(text).split("\n")) {
				float indent = 2 * BODY;
				for (String line : wrap(part, BODY, WIDTH, indent)) {
					space(BODY_LEADING);
					write(line, LEFT + indent, BODY, false);
					this.y -= BODY_LEADING;
					indent = 0;
				}
			}
		}

		private void heading(String text) throws IOException {
			this.y -= 4;
			for (String line : wrap(printable(text), BODY, WIDTH, 0)) {
				space(BODY_LEADING * 2);
				write(line, LEFT, BODY, true);
				this.y -= BODY_LEADING;
			}
		}

		private void table(Table table) throws IOException {
			int total = table.widths().stream().mapToInt(Integer::intValue).sum();
			float[] widths = new float[table.widths().size()];
			for (int i = 0; i < widths.length; i++) {
				widths[i] = WIDTH * table.widths().get(i) / total;
			}
			this.y -= 4;
			if (!table.header().isEmpty()) {
				row(table.header(), widths, true);
			}
			for (List<String> row : table.rows()) {
				row(row, widths, false);
			}
			this.y -= 8;
		}

		/** One row of ruled cells; a row never breaks across pages. */
		private void row(List<String> cells, float[] widths, boolean bold) throws IOException {
			List<List<String>> lines = new ArrayList<>();
			int most = 1;
			for (int i = 0; i < cells.size(); i++) {
				String text = cells.get(i) == null ? "" : printable(cells.get(i));
				List<String> wrapped = new ArrayList<>();
				for (String part : text.split("\n")) {
					wrapped.addAll(wrap(part, CELL, widths[i] - 2 * CELL_PAD, 0));
				}
				lines.add(wrapped);
				most = Math.max(most, wrapped.size());
			}
			float height = most * CELL_LEADING + 2 * CELL_PAD;
			if (this.y - height < BOTTOM && this.y < TOP) {
				this.page.close();
				newPage();
			}
			float x = LEFT;
			this.page.setLineWidth(0.5f);
			for (int i = 0; i < cells.size(); i++) {
				this.page.addRect(x, this.y - height, widths[i], height);
				float line = this.y - CELL_PAD - CELL;
				for (String text : lines.get(i)) {
					write(text, x + CELL_PAD, line, CELL, bold);
					line -= CELL_LEADING;
				}
				x += widths[i];
			}
			this.page.stroke();
			this.y -= height;
		}

		private void newPage() throws IOException {
			PDPage next = new PDPage(PAGE);
			this.pdf.addPage(next);
			this.page = new PDPageContentStream(this.pdf, next);
			this.y = TOP;
		}

		/** Starts a new page unless {@code height} fits above the bottom margin. */
		private void space(float height) throws IOException {
			if (this.y - height < BOTTOM) {
				this.page.close();
				newPage();
			}
		}

		private void numberPages() throws IOException {
			int count = this.pdf.getNumberOfPages();
			for (int i = 0; i < count; i++) {
				try (PDPageContentStream foot = new PDPageContentStream(this.pdf, this.pdf.getPage(i),
						PDPageContentStream.AppendMode.APPEND, true, true)) {
					String text = printable(Texts.resolve(Text.of("document.page", i + 1, count), CHINESE));
					float width = width(text, CELL);
					foot.beginText();
					foot.setFont(this.font, CELL);
					foot.newLineAtOffset((PAGE.getWidth() - width) / 2, BOTTOM - 36);
					foot.showText(text);
					foot.endText();
				}
			}
		}

		private void centred(String text, float size, float[] colour, boolean bold) throws IOException {
			write(text, (PAGE.getWidth() - width(text, size)) / 2, size, colour, bold);
		}

		private void right(String text, float size) throws IOException {
			write(text, RIGHT - width(text, size) - 2 * size, size, false);
		}

		private void rule(float[] colour, float thickness) throws IOException {
			this.page.setStrokingColor(colour[0], colour[1], colour[2]);
			this.page.setLineWidth(thickness);
			this.page.moveTo(LEFT, this.y);
			this.page.lineTo(RIGHT, this.y);
			this.page.stroke();
			this.page.setStrokingColor(0f, 0f, 0f);
		}

		private void write(String text, float x, float size, boolean bold) throws IOException {
			write(text, x, size, null, bold);
		}

		private void write(String text, float x, float size, float[] colour, boolean bold) throws IOException {
			write(text, x, this.y - size, size, colour, bold);
		}

		private void write(String text, float x, float baseline, float size, boolean bold) throws IOException {
			write(text, x, baseline, size, null, bold);
		}

		/**
		 * Prints one line with its baseline at {@code baseline}; bold by stroking the
		 * outlines as well (the font has no bold face).
		 */
		private void write(String text, float x, float baseline, float size, float[] colour, boolean bold)
				throws IOException {
			if (text.isEmpty()) {
				return;
			}
			this.page.beginText();
			this.page.setFont(this.font, size);
			if (colour != null) {
				this.page.setNonStrokingColor(colour[0], colour[1], colour[2]);
				this.page.setStrokingColor(colour[0], colour[1], colour[2]);
			}
			if (bold) {
				this.page.setRenderingMode(RenderingMode.FILL_STROKE);
				this.page.setLineWidth(size / 30);
			}
			this.page.newLineAtOffset(x, baseline);
			this.page.showText(text);
			this.page.endText();
			if (bold) {
				this.page.setRenderingMode(RenderingMode.FILL);
			}
			if (colour != null) {
				this.page.setNonStrokingColor(0f, 0f, 0f);
				this.page.setStrokingColor(0f, 0f, 0f);
			}
		}

		private float width(String text, float size) throws IOException {
			return this.font.getStringWidth(text) / 1000 * size;
		}

		/**
		 * The lines of a text within {@code width}, the first {@code indent} shorter:
		 * Chinese breaks between any two characters, a word of Latin letters or digits
		 * only at a space, and no line starts with a closing punctuation mark.
		 */
		private List<String> wrap(String text, float size, float width, float indent) throws IOException {
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			float room = width - indent;
			int i = 0;
			while (i < text.length()) {
				int cp = text.codePointAt(i);
				String ch = new String(Character.toChars(cp));
				if (line.length() > 0 && width(line + ch, size) > room && !CLOSING.contains(ch)) {
					int cut = breakAt(line, cp);
					lines.add(line.substring(0, cut).stripTrailing());
					String rest = line.substring(cut).stripLeading();
					line.setLength(0);
					line.append(rest);
					room = width;
				}
				line.append(ch);
				i += Character.charCount(cp);
			}
			if (line.length() > 0 || lines.isEmpty()) {
				lines.add(line.toString());
			}
			return lines;
		}

		/** Where to end a full line before {@code next}: before a word it would split. */
		private static int breakAt(StringBuilder line, int next) {
			if (!isWordChar(next)) {
				return line.length();
			}
			int space = line.lastIndexOf(" ");
			int start = line.length();
			while (start > 0 && isWordChar(line.charAt(start - 1))) {
				start--;
			}
			if (start > 0 && start < line.length()) {
				return start;
			}
			return space > 0 ? space + 1 : line.length();
		}

		private static boolean isWordChar(int cp) {
			return cp < 0x2E80 && Character.isLetterOrDigit(cp);
		}

		/**
		 * The text with what the font cannot print replaced: a control character by a
		 * space, a character without a glyph by {@code ?}.
		 */
		private String printable(String text) {
			if (text == null) {
				return "";
			}
			StringBuilder out = new StringBuilder(text.length());
			text.codePoints().forEach(cp -> {
				if (cp == '\n') {
					out.append('\n');
				}
				else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
					out.append(' ');
				}
				else if (this.cmap.getGlyphId(cp) == 0) {
					out.append('?');
				}
				else {
					out.appendCodePoint(cp);
				}
			});
			return out.toString();
		}

	}

	/** Marks that no line starts with. */
	private static final String CLOSING = "，。、；：！？）》」』】〕,.;:!?)";

}
