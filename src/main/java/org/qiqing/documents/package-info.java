/**
 * Official documents as PDF: a renderer any module may use ({@link DocumentRenderer},
 * {@link OfficialDocument}), their official numbers (文号, {@link DocumentNumbers}), and
 * the documents of supervision steps (督办单, 催办通知书, 书面通报, {@link CaseDocuments}).
 */
package org.qiqing.documents;
