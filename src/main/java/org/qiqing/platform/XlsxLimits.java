package org.qiqing.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * How far an {@code .xlsx} may unpack before anything reads it. A workbook is a zip of
 * XML parts, and a small upload can unpack to gigabytes (a zip bomb) or hold a
 * shared-strings table far larger than its rows need. Every entry the zip's directory
 * names is inflated once and counted, against the bytes actually inflated, not the sizes
 * the directory claims: at most {@code entries} entries, {@code sheetBytes} per
 * worksheet, {@code stringBytes} for the shared strings, {@code otherBytes} for any other
 * part (POI loads styles and the workbook part whole), {@code totalBytes} in all, and no
 * entry of more than 100 kB that inflates more than {@code ratio} times (POI's own
 * zip-bomb rule, which would otherwise fail later as an I/O error).
 */
record XlsxLimits(int entries, long sheetBytes, long stringBytes, long otherBytes, long totalBytes, int ratio) {

	private static final long MB = 1024 * 1024;

	/**
	 * Some 400,000 rows of the bench's enterprises (100,000 are a 4.9 MB workbook with a
	 * 31 MB sheet and 15 MB of shared strings); beyond, CSV is the format to send.
	 */
	static final XlsxLimits DEFAULT = new XlsxLimits(1000, 256 * MB, 64 * MB, 16 * MB, 512 * MB, 100);

	private static final long RATIO_GRACE = 100 * 1024;

	/**
	 * @throws FileTooLarge when the workbook unpacks to more than allowed
	 * @throws InvalidInput when it is not a readable zip
	 */
	void check(Path xlsx) {
		try (ZipFile zip = new ZipFile(xlsx.toFile())) {
			if (zip.size() > this.entries) {
				throw refused(Text.of("error.file.xlsxParts", this.entries));
			}
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				long limit = limitOf(entry.getName());
				long size = 0;
				try (InputStream in = zip.getInputStream(entry)) {
					for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
						size += n;
						total += n;
						if (size > limit) {
							throw refused(Text.of("error.file.xlsxPart", entry.getName(), size(limit)));
						}
						if (total > this.totalBytes) {
							throw refused(Text.of("error.file.xlsxTotal", size(this.totalBytes)));
						}
						if (size > RATIO_GRACE && size > this.ratio * Math.max(entry.getCompressedSize(), 1)) {
							throw refused(Text.of("error.file.xlsxRatio", entry.getName(), this.ratio));
						}
					}
				}
			}
		}
		catch (IOException ex) {
			// Not a zip, or an entry whose data ends early or does not inflate: the file
			// is
			// a copy on local disk, so an I/O error while reading it is the file's fault.
			throw new InvalidInput("file", Text.of("error.file.xlsxUnreadable"));
		}
	}

	private long limitOf(String entry) {
		if (entry.startsWith("xl/worksheets/")) {
			return this.sheetBytes;
		}
		if (entry.equals("xl/sharedStrings.xml")) {
			return this.stringBytes;
		}
		return this.otherBytes;
	}

	private static String size(long bytes) {
		return bytes >= MB ? bytes / MB + " MB" : bytes / 1024 + " kB";
	}

	private static FileTooLarge refused(Text why) {
		return new FileTooLarge("file", Text.of("error.file.xlsxTooLarge", why));
	}

}
