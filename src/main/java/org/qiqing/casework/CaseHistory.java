package org.qiqing.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only history of cases and the files attached to its steps. Nothing here
 * updates or deletes an event; {@link #verify} recomputes a chain and names the first
 * broken link.
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

	/** The first event whose stored hash is not what its content and predecessor give. */
	public record BrokenLink(long caseId, String caseNumber, int seq, String reason) {
	}

	private final JdbcClient jdbc;

	CaseHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(long caseId, CaseEvent event, List<NewAttachment> attachments) {
		this.jdbc.sql("""
				insert into case_event (case_id, seq, action, actor_id, actor_unit_id, at, from_state, to_state, note,
				                        visible_to_enterprise, prev_hash, hash)
				values (:caseId, :seq, :action, :actor, :unit, :at, :from, :to, :note, :visible, :prev, :hash)""")
			.param("caseId", caseId)
			.param("seq", event.seq())
			.param("action", event.action().name())
			.param("actor", event.actorId())
			.param("unit", event.actorUnitId())
			.param("at", Timestamp.from(event.at()))
			.param("from", event.fromState() == null ? null : event.fromState().name())
			.param("to", event.toState().name())
			.param("note", event.note())
			.param("visible", event.visibleToEnterprise())
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
	 * it.
	 */
	public List<Entry> timeline(long caseId, boolean forEnterprise) {
		List<AttachmentRow> files = attachmentRows(caseId);
		return this.jdbc.sql("""
				select e.seq, e.action, p.display_name, u.name, e.at, e.from_state, e.to_state, e.note
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
						rs.getTimestamp(5).toInstant(), state(rs, 6), state(rs, 7), rs.getString(8),
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

	/** Recomputes the chain of one case. */
	public Optional<BrokenLink> verify(long caseId) {
		return verifyWhere("e.case_id = :caseId", caseId);
	}

	/**
	 * Recomputes the chain of every case, case by case, and stops at the first broken
	 * link.
	 */
	public Optional<BrokenLink> verifyAll() {
		return verifyWhere("1 = 1", null);
	}

	private Optional<BrokenLink> verifyWhere(String condition, Long caseId) {
		List<BrokenLink> broken = new ArrayList<>();
		ChainWalker walker = new ChainWalker(broken);
		JdbcClient.StatementSpec statement = this.jdbc.sql("""
				select e.case_id, c.number, e.seq, e.action, e.actor_id, e.actor_unit_id, e.at, e.from_state,
				       e.to_state, e.note, e.prev_hash, e.hash, c.last_hash, c.event_count,
				       (select string_agg(a.sha256, ',' order by a.id) from attachment a
				        where a.case_id = e.case_id and a.event_seq = e.seq)
				from case_event e join cases c on c.id = e.case_id
				""" + " where " + condition + " order by e.case_id, e.seq");
		if (caseId != null) {
			statement = statement.param("caseId", caseId);
		}
		statement.query(rs -> {
			if (broken.isEmpty()) {
				walker.accept(rs);
			}
		});
		walker.finish();
		return broken.stream().findFirst();
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

	private static CaseState state(ResultSet rs, int column) throws SQLException {
		String value = rs.getString(column);
		return value == null ? null : CaseState.valueOf(value);
	}

	private record AttachmentRow(int seq, AttachmentInfo info) {
	}

	/** Walks events ordered by case and seq, checking each link and each case's head. */
	private static final class ChainWalker {

		private final List<BrokenLink> broken;

		private long caseId = -1;

		private String number;

		private String prevHash;

		private int expectedSeq;

		private String headHash;

		private int headCount;

		ChainWalker(List<BrokenLink> broken) {
			this.broken = broken;
		}

		void accept(ResultSet rs) throws SQLException {
			long id = rs.getLong(1);
			if (id != this.caseId) {
				finish();
				if (!this.broken.isEmpty()) {
					return;
				}
				this.caseId = id;
				this.number = rs.getString(2);
				this.prevHash = HashChain.GENESIS;
				this.expectedSeq = 1;
				this.headHash = rs.getString(13);
				this.headCount = rs.getInt(14);
			}
			int seq = rs.getInt(3);
			String attachments = rs.getString(15);
			Long unit = rs.getObject(6) == null ? null : rs.getLong(6);
			String expected = CaseEvent.hashOf(this.prevHash, this.number, seq, CaseAction.valueOf(rs.getString(4)),
					rs.getLong(5), unit, rs.getTimestamp(7).toInstant(), state(rs, 8), state(rs, 9), rs.getString(10),
					attachments == null ? List.of() : List.of(attachments.split(",")));
			if (seq != this.expectedSeq) {
				fail(seq, "event " + this.expectedSeq + " is missing");
			}
			else if (!this.prevHash.equals(rs.getString(11))) {
				fail(seq, "its link to the previous event does not match");
			}
			else if (!expected.equals(rs.getString(12))) {
				fail(seq, "its content does not match its hash");
			}
			this.prevHash = rs.getString(12);
			this.expectedSeq++;
		}

		void finish() {
			if (this.caseId >= 0 && this.broken.isEmpty()
					&& (this.expectedSeq - 1 != this.headCount || !this.prevHash.equals(this.headHash))) {
				fail(this.expectedSeq, "the case's last event is not the end of its chain");
			}
		}

		private void fail(int seq, String reason) {
			this.broken.add(new BrokenLink(this.caseId, this.number, seq, reason));
		}

	}

}
