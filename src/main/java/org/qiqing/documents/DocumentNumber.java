package org.qiqing.documents;

/**
 * An official number (文号) given to a document: the {@code serial}-th of its issuer's
 * documents of its kind in {@code year}.
 *
 * @param text the number as printed: 善督〔2026〕7号
 */
public record DocumentNumber(long issuerUnitId, String kind, int year, int serial, String text) {
}
