package org.qiqing.platform;

import java.io.IOException;

/**
 * Where a county plugs in its antivirus: every uploaded file the platform stores (case
 * attachments, visit photos) is handed to the scanner after its type is checked and
 * before it is stored, when {@code qiqing.uploads.scan} is on (off by default, when no
 * scanner is asked for). A scanner is a Spring bean implementing this interface, e.g. a
 * client of the county's ClamAV daemon; see docs/administration.md, "Scanning uploads".
 */
public interface UploadScanner {

	/**
	 * @return the verdict on the file; a scanner that cannot decide (its service is down)
	 * throws, and the upload is then refused rather than stored unscanned
	 */
	Verdict scan(String filename, FileType type, byte[] content) throws IOException;

	/** What a scanner found: nothing, or the name of a threat. */
	record Verdict(String threat) {

		public static final Verdict CLEAN = new Verdict(null);

		public static Verdict infected(String threat) {
			return new Verdict(threat);
		}

		public boolean isInfected() {
			return this.threat != null;
		}

	}

}
