package org.qiqing.discipline;

/** A photo or document, already checked by {@link org.qiqing.platform.Uploads}. */
public record Evidence(String filename, String contentType, byte[] content) {
}
