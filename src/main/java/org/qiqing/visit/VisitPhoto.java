package org.qiqing.visit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A photo taken on a visit, already checked by {@link VisitPhotos}. */
public record VisitPhoto(String filename, String contentType, byte[] content) {

	String sha256() {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(this.content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
