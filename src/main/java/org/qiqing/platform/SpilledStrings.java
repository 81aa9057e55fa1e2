package org.qiqing.platform;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared-strings table of a workbook, kept in two temporary files rather than in
 * memory: the texts one after another in UTF-8, and where each starts. POI's own
 * read-only table holds every distinct text of the file on the heap (some 30 MB for
 * 100,000 enterprises), so that a few large imports at once, or one crafted file, could
 * exhaust it; this one reads a text from disk when a cell asks for it. Phonetic runs
 * ({@code rPh}, the readings Excel keeps for Japanese) are left out, as POI does.
 */
final class SpilledStrings implements SharedStrings, Closeable {

	/** The most characters Excel lets a cell hold. */
	static final int MAX_CHARS = 32767;

	private final Window texts;

	private final Window starts;

	private final int count;

	private SpilledStrings(Path texts, Path starts, int count) throws IOException {
		this.texts = new Window(texts);
		this.starts = new Window(starts);
		this.count = count;
	}

	/** Reads the package's shared strings, if it has any, into temporary files. */
	static SpilledStrings of(OPCPackage pkg) throws IOException, SAXException, ParserConfigurationException {
		Path texts = Files.createTempFile("qiqing-strings", ".txt");
		Path starts = Files.createTempFile("qiqing-strings", ".idx");
		try {
			Writer writer = new Writer(texts, starts);
			try (writer) {
				List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
				if (!parts.isEmpty()) {
					XMLReader parser = XMLHelper.newXMLReader();
					parser.setContentHandler(writer);
					try (InputStream in = parts.get(0).getInputStream()) {
						parser.parse(new InputSource(in));
					}
				}
			}
			return new SpilledStrings(texts, starts, writer.count);
		}
		catch (IOException | SAXException | ParserConfigurationException | RuntimeException ex) {
			Files.deleteIfExists(texts);
			Files.deleteIfExists(starts);
			throw ex;
		}
	}

	@Override
	public RichTextString getItemAt(int index) {
		if (index < 0 || index >= this.count) {
			throw new InvalidInput("file", Text.of("error.file.xlsxSharedText"));
		}
		try {
			ByteBuffer bounds = this.starts.read((long) index * Long.BYTES, 2 * Long.BYTES);
			long start = bounds.getLong();
			int length = (int) (bounds.getLong() - start);
			ByteBuffer text = this.texts.read(start, length);
			return new XSSFRichTextString(StandardCharsets.UTF_8.decode(text).toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public int getCount() {
		return this.count;
	}

	@Override
	public int getUniqueCount() {
		return this.count;
	}

	@Override
	public void close() throws IOException {
		try (this.texts; this.starts) {
			// closed and deleted
		}
	}

	/**
	 * A file read through a window of its bytes: a sheet mostly names its shared texts in
	 * the order they were written, so most cells are read from the window rather than by
	 * a call to the file system each.
	 */
	private static final class Window implements Closeable {

		private static final int SIZE = 64 * 1024;

		private final Path file;

		private final FileChannel channel;

		private final ByteBuffer window = ByteBuffer.allocate(SIZE);

		private long start = -1;

		Window(Path file) throws IOException {
			this.file = file;
			this.channel = FileChannel.open(file, StandardOpenOption.READ);
		}

		/** The bytes from {@code position}, as a buffer positioned at them. */
		ByteBuffer read(long position, int length) throws IOException {
			if (length > SIZE) {
				return fill(ByteBuffer.allocate(length), position);
			}
			if (this.start < 0 || position < this.start || position + length > this.start + this.window.limit()) {
				this.window.clear();
				this.start = position;
				readUpTo(this.window, position, length);
				this.window.flip();
			}
			return this.window.duplicate()
				.position((int) (position - this.start))
				.limit((int) (position - this.start) + length);
		}

		private ByteBuffer fill(ByteBuffer buffer, long position) throws IOException {
			readUpTo(buffer, position, buffer.capacity());
			return buffer.flip();
		}

		/**
		 * Reads at least {@code needed} bytes into the buffer, more if the file has them.
		 */
		private void readUpTo(ByteBuffer buffer, long position, int needed) throws IOException {
			while (buffer.position() < needed) {
				if (this.channel.read(buffer, position + buffer.position()) < 0) {
					throw new IOException("the shared strings ended early");
				}
			}
		}

		@Override
		public void close() throws IOException {
			try (this.channel) {
				// closed
			}
			finally {
				Files.deleteIfExists(this.file);
			}
		}

	}

	/** Writes each {@code si} of the table as it is parsed, and where it starts. */
	private static final class Writer extends DefaultHandler implements Closeable {

		private final DataOutputStream texts;

		private final DataOutputStream starts;

		private final StringBuilder text = new StringBuilder();

		private long written;

		private int count;

		private boolean inItem;

		private boolean inText;

		private int phonetic;

		Writer(Path texts, Path starts) throws IOException {
			this.texts = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(texts)));
			this.starts = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(starts)));
			this.starts.writeLong(0);
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "si" -> {
					this.inItem = true;
					this.text.setLength(0);
				}
				case "rPh" -> this.phonetic++;
				case "t" -> this.inText = this.inItem && this.phonetic == 0;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (this.inText) {
				if (this.text.length() + length > MAX_CHARS) {
					throw new InvalidInput("file", Text.of("error.file.xlsxCellText", MAX_CHARS));
				}
				this.text.append(ch, start, length);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			switch (localName) {
				case "si" -> {
					this.inItem = false;
					write();
				}
				case "rPh" -> this.phonetic = Math.max(0, this.phonetic - 1);
				case "t" -> this.inText = false;
				default -> {
				}
			}
		}

		private void write() throws SAXException {
			try {
				byte[] bytes = this.text.toString().getBytes(StandardCharsets.UTF_8);
				this.texts.write(bytes);
				this.written += bytes.length;
				this.starts.writeLong(this.written);
				this.count++;
			}
			catch (IOException ex) {
				throw new SAXException(ex);
			}
		}

		@Override
		public void close() throws IOException {
			try (this.texts; this.starts) {
				// flushed and closed
			}
		}

	}

}
