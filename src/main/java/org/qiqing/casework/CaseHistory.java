package org.qiqing.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.qiqing.platform.Text;
import org.qiqing.platform.Texts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only history of cases and the files attached to its steps. Nothing here
 * updates or deletes an event; {@link #verify} checks a case's history against its row
 * and names every difference.
 */
@Repository
public class CaseHistory {

	/**
	 * What an enterprise sees of a case's history, as a SQL condition on
	 * {@code case_event e}: only the steps meant for it. Officials see every step.
	 */
	private static final String SEEN = "(e.visible_to_enterprise or not :forEnterprise)";

	/** One entry of a timeline, with the names a reader needs. */
	public record Entry(int seq, CaseAction action, String actorName, String unitName, java.time.Instant at,
			CaseState fromState, CaseState toState, String note, List<AttachmentInfo> attachments) {
	}

	public record AttachmentInfo(long id, String filename, String contentType, long sizeBytes) {
	}

	private final JdbcClient jdbc;

	private final HistoryAudit audit;

	CaseHistory(JdbcClient jdbc, HistoryAudit audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	void append(long caseId, CaseEvent event, List<NewAttachment> attachments) {
		this.jdbc.sql("""
				insert into case_event (case_id, seq, action, actor_id, actor_unit_id, at, from_state, to_state, note,
				                        note_text, visible_to_enterprise, facts, hash_version, prev_hash, hash)
				values (:caseId, :seq, :action, :actor, :unit, :at, :from, :to, :note, :noteText, :visible, :facts,
				        :version, :prev, :hash)""")
			.param("caseId", caseId)
			.param("seq", event.seq())
			.param("action", event.action().name())
			.param("actor", event.actorId())
			.param("unit", event.actorUnitId())
			.param("at", Timestamp.from(event.at()))
			.param("from", event.fromState() == null ? null : event.fromState().name())
			.param("to", event.toState().name())
			.param("note", event.note())
			.param("noteText", event.noteText())
			.param("visible", event.visibleToEnterprise())
			.param("facts", event.facts())
			.param("version", event.hashVersion())
			.param("prev", event.prevHash())
			.param("hash", event.hash())
			.update();
		for (NewAttachment file : attachments) {
			this.jdbc.sql("""
					insert into attachment (case_id, event_seq, filename, content_type, size_bytes, sha256, content,
					                        uploaded_by, uploaded_at)
					values (:caseId, :seq, :filename, :type, :size, :sha, :content, :by, :at)""")
				.param("caseId", caseId)
				.param("seq", event.seq())
				.param("filename", file.filename())
				.param("type", file.contentType())
				.param("size", (long) file.content().length)
				.param("sha", file.sha256())
				.param("content", file.content())
				.param("by", event.actorId())
				.param("at", Timestamp.from(event.at()))
				.update();
		}
	}

	/**
	 * The timeline of a case, oldest first; an enterprise sees only the steps meant for
	 * it. The platform's own notes (a timer's) are in the reader's language, from the
	 * bundles; a person's, and those written before V46, as they were written.
	 */
	public List<Entry> timeline(long caseId, boolean forEnterprise) {
		return timeline(caseId, forEnterprise, null);
	}

	/**
	 * The same with the platform's notes in a given language (an official document is
	 * printed in Chinese whoever prints it); null: the current request's.
	 */
	List<Entry> timeline(long caseId, boolean forEnterprise, Locale language) {
		List<AttachmentRow> files = attachmentRows(caseId);
		return this.jdbc.sql("""
				select e.seq, e.action, p.display_name, u.name, e.at, e.from_state, e.to_state, e.note, e.note_text
				from case_event e
				join person p on p.id = e.actor_id
				left join unit u on u.id = e.actor_unit_id
				where e.case_id = :caseId""" + " and " + SEEN + " order by e.seq")
			.param("caseId", caseId)
			.param("forEnterprise", forEnterprise)
			.query((rs, n) -> {
				int seq = rs.getInt(1);
				return new Entry(seq, CaseAction.valueOf(rs.getString(2)),
						forEnterprise && rs.getString(4) != null ? rs.getString(4) : rs.getString(3), rs.getString(4),
						rs.getTimestamp(5).toInstant(), state(rs, 6), state(rs, 7),
						words(rs.getString(9), rs.getString(8), language),
						files.stream().filter(f -> f.seq == seq).map(AttachmentRow::info).toList());
			})
			.list();
	}

	/**
	 * A document of a case, if it belongs to a step the reader sees: an enterprise does
	 * not get the documents of the internal steps, as it does not see those steps.
	 */
	public Optional<Attachment> attachment(long caseId, long attachmentId, boolean forEnterprise) {
		return this.jdbc.sql("""
				select a.filename, a.content_type, a.content
				from attachment a join case_event e on e.case_id = a.case_id and e.seq = a.event_seq
				where a.case_id = :caseId and a.id = :id""" + " and " + SEEN)
			.param("caseId", caseId)
			.param("id", attachmentId)
			.param("forEnterprise", forEnterprise)
			.query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	public record Attachment(String filename, String contentType, byte[] content) {
	}

	/**
	 * Checks one case's history against its row (HistoryAudit): every difference, or
	 * none.
	 */
	public List<HistoryFinding> verify(long caseId) {
		return this.audit.of(caseId).findings();
	}

	/**
	 * Checks every case's history, and that every case number issued has its case; the
	 * first {@value HistoryAudit#SHOWN} differences.
	 */
	public List<HistoryFinding> verifyAll() {
		return this.audit.all().findings();
	}

	private List<AttachmentRow> attachmentRows(long caseId) {
		return this.jdbc.sql("""
				select id, event_seq, filename, content_type, size_bytes from attachment where case_id = :caseId
				order by id""")
			.param("caseId", caseId)
			.query((rs, n) -> new AttachmentRow(rs.getInt(2),
					new AttachmentInfo(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getLong(5))))
			.list();
	}

	/**
	 * Stored words in the current request's language: from their text when there is one
	 * (the platform's own words), else as they were written.
	 */
	static String words(String text, String written) {
		return words(text, written, null);
	}

	/** The same in a given language; null: the current request's. */
	static String words(String text, String written, Locale language) {
		Text said = Text.fromJson(text);
		if (said == null) {
			return written;
		}
		return language == null ? Texts.resolve(said) : Texts.resolve(said, language);
	}

	private static CaseState state(ResultSet rs, int column) throws SQLException {
		String value = rs.getString(column);
		return value == null ? null : CaseState.valueOf(value);
	}

	private record AttachmentRow(int seq, AttachmentInfo info) {
	}

}
