package org.qiqing.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qiqing.documents.OfficialDocument.Heading;
import org.qiqing.documents.OfficialDocument.Paragraph;
import org.qiqing.documents.OfficialDocument.Table;

/**
 * The renderer prints real Chinese: every character of a document is drawn with a glyph
 * of the embedded font (never the empty box of .notdef), the text reads back as it was
 * given, and two different Chinese titles print differently where boxes would print the
 * same. Needs Debian's {@code fonts-wqy-zenhei} (as .ci/run installs it).
 */
class DocumentRendererTests {

	static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

	static final DocumentRenderer RENDERER = new DocumentRenderer(new DocumentSettings(null, List.of(FONT), Map.of()));

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
		assertThat(FONT).as("the documented font: apt-get install fonts-wqy-zenhei").isReadable();
	}

	static OfficialDocument order(String title) {
		List<List<String>> history = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			history.add(List.of("2026-12-0" + (1 + i % 7) + " 10:0" + (i % 10), "催办", "督查员 赵强 · 嘉善县政府督查室",
					"请于三个工作日内报告办理进展（第 " + (i + 1) + " 次），逾期将提级督办。Overdue since 2026-12-01."));
		}
		return new OfficialDocument("嘉善县政府督查室", "善督〔2026〕7号", title, "嘉善县经济和信息化局",
				List.of(new Paragraph("你单位承办的“厂区供电线路改造”（案件编号 QQ-2026-330421-000123），现予督办。督办要求：请说明办理进展和完成时间。"),
						new Heading("一、案件基本情况"),
						Table.ofFacts(List.of(List.of("案件编号", "QQ-2026-330421-000123"), List.of("企业", "嘉善县天凝机械有限公司"),
								List.of("承办单位", "嘉善县经济和信息化局"))),
						new Heading("二、办理经过"),
						new Table(List.of("时间", "环节", "办理人", "说明"), history, List.of(5, 4, 5, 9))),
				LocalDate.of(2026, 12, 7));
	}

	@Test
	void everyCharacterIsDrawnWithARealGlyphOfTheEmbeddedSubset() throws IOException {
		byte[] pdf = RENDERER.render(order("督办单"));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).as("40 rows of history run over").isGreaterThan(1);
			List<TextPosition> positions = new ArrayList<>();
			PDFTextStripper stripper = new PDFTextStripper() {
				@Override
				protected void processTextPosition(TextPosition text) {
					positions.add(text);
					super.processTextPosition(text);
				}
			};
			String text = stripper.getText(document);
			assertThat(text).contains("嘉善县政府督查室", "善督〔2026〕7号", "督办单", "嘉善县经济和信息化局：", "案件基本情况", "嘉善县天凝机械有限公司",
					"2026年12月7日", "第 1 页 共 " + document.getNumberOfPages() + " 页");
			assertThat(positions).hasSizeGreaterThan(1000);
			int han = 0;
			for (TextPosition position : positions) {
				PDFont font = position.getFont();
				assertThat(font).isInstanceOf(PDType0Font.class);
				assertThat(font.isEmbedded()).isTrue();
				assertThat(font.getName()).as("a subset, tagged ABCDEF+").matches("[A-Z]{6}\\+.*");
				PDCIDFontType2 cid = (PDCIDFontType2) ((PDType0Font) font).getDescendantFont();
				TrueTypeFont embedded = cid.getTrueTypeFont();
				for (int code : position.getCharacterCodes()) {
					int gid = cid.codeToGID(code);
					String unicode = position.getUnicode();
					assertThat(gid).as("glyph of %s", unicode).isPositive();
					if (!unicode.isBlank()) {
						GlyphData glyph = embedded.getGlyph().getGlyph(gid);
						assertThat(glyph).as("outline of %s", unicode).isNotNull();
						assertThat(glyph.getDescription().getPointCount()).as("points of %s", unicode).isPositive();
					}
				}
				if (position.getUnicode()
					.codePoints()
					.anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
					han++;
				}
			}
			assertThat(han).as("Chinese characters drawn").isGreaterThan(500);
		}
	}

	@Test
	void twoChineseTitlesPrintDifferentlyWhereBoxesWouldPrintTheSame() throws IOException {
		BufferedImage order = head(RENDERER.render(order("督办单")));
		BufferedImage notice = head(RENDERER.render(order("通报书")));
		BufferedImage same = head(RENDERER.render(order("督办单")));
		assertThat(differing(order, same)).as("the same document prints the same").isZero();
		// Three characters of the same width in the same place: .notdef boxes would be
		// pixel for pixel the same.
		assertThat(differing(order, notice)).as("pixels that differ between the titles").isGreaterThan(200);
		assertThat(inked(order)).as("the head is printed").isGreaterThan(1000);
	}

	@Test
	void aCharacterTheFontLacksIsAQuestionMarkNotABox() throws IOException {
		OfficialDocument document = new OfficialDocument("督查室", null, "通报 \uD83D\uDE00", null,
				List.of(new Paragraph("表情 \uD83D\uDE00 结束")), LocalDate.of(2026, 1, 2));
		try (PDDocument pdf = Loader.loadPDF(RENDERER.render(document))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("通报 ?", "表情 ? 结束").doesNotContain("\uD83D\uDE00");
		}
	}

	@Test
	void noChineseFontIsAClearErrorNamingTheFilesTried() {
		Path nowhere = Path.of("/nowhere/fonts/missing.ttc");
		DocumentRenderer renderer = new DocumentRenderer(new DocumentSettings(nowhere, List.of(FONT), Map.of()));
		assertThatThrownBy(() -> renderer.render(order("督办单"))).isInstanceOf(DocumentFontMissing.class)
			.hasMessageContaining("/nowhere/fonts/missing.ttc")
			.hasMessageContaining("fonts-wqy-zenhei");
	}

	@Test
	void aFontWithoutChineseIsRefusedRatherThanPrintingBoxes() throws IOException {
		Path latin = Files.list(Path.of("/usr/share/fonts/truetype/dejavu"))
			.filter(file -> file.toString().endsWith(".ttf"))
			.findFirst()
			.orElse(null);
		org.junit.jupiter.api.Assumptions.assumeTrue(latin != null, "no DejaVu font here");
		DocumentRenderer renderer = new DocumentRenderer(new DocumentSettings(latin, List.of(), Map.of()));
		assertThatThrownBy(() -> renderer.render(order("督办单"))).isInstanceOf(DocumentFontMissing.class);
	}

	/** The head of the first page (issuer, number, title), rendered at 100 dpi. */
	private static BufferedImage head(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 100);
			return page.getSubimage(0, 0, page.getWidth(), page.getHeight() / 3);
		}
	}

	private static int differing(BufferedImage a, BufferedImage b) {
		int count = 0;
		for (int y = 0; y < a.getHeight(); y++) {
			for (int x = 0; x < a.getWidth(); x++) {
				if (a.getRGB(x, y) != b.getRGB(x, y)) {
					count++;
				}
			}
		}
		return count;
	}

	private static int inked(BufferedImage image) {
		int count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
					count++;
				}
			}
		}
		return count;
	}

}
