package org.qiqing.casework;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.qiqing.casework.HistoryFinding.Kind;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Checks the history against the database in one pass: the cases ordered by id, their
 * events ordered by case and number and the attachments likewise, read together by three
 * forward cursors in one repeatable-read transaction, so that memory does not grow with
 * the number of cases (the numbers issued are kept as one bit each). For each case it
 * recomputes every event's hash (under the rule of its hash version) and link, hashes
 * every attachment's bytes, replays the facts the events sealed and compares them with
 * the row, and checks the head. Over all cases it checks that every number issued has its
 * case, and it computes the Merkle root of the events sealed up to a moment, which
 * {@link HistoryCheckpoints} signs and compares.
 */
@Component
class HistoryAudit {

	/** The findings kept to be shown; more are only counted. */
	static final int SHOWN = 1000;

	private static final int FETCH = 1000;

	private static final String EVENTS = """
			select case_id, seq, action, actor_id, actor_unit_id, at, from_state, to_state, note,
			       visible_to_enterprise, facts, hash_version, prev_hash, hash, note_text
			from case_event
			""";

	private static final String ATTACHMENTS = """
			select case_id, event_seq, filename, content_type, size_bytes, sha256, content
			from attachment
			""";

	private final DataSource dataSource;

	HistoryAudit(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * What a pass found.
	 *
	 * @param roots the Merkle tree of the events sealed up to each moment asked for
	 */
	record Report(List<HistoryFinding> findings, long findingCount, long cases, long events, List<Root> roots) {

		boolean intact() {
			return this.findingCount == 0;
		}

	}

	/** The Merkle tree of the events sealed up to a moment: its size and root. */
	record Root(Instant sealedUpTo, long treeSize, String root) {
	}

	/** Checks one case. */
	Report of(long caseId) {
		return run(caseId);
	}

	/**
	 * Checks every case and every number issued.
	 * @param sealedUpTo the moments to compute Merkle roots for, each over the events of
	 * that moment or before
	 */
	Report all(Instant... sealedUpTo) {
		return run(null, sealedUpTo);
	}

	private Report run(Long caseId, Instant... sealedUpTo) {
		String where = caseId == null ? "" : " where case_id = ?";
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			try (PreparedStatement cases = cursor(connection,
					CaseRows.SELECT + (caseId == null ? "" : " where c.id = ?") + " order by c.id", caseId);
					PreparedStatement events = cursor(connection, EVENTS + where + " order by case_id, seq", caseId);
					PreparedStatement attachments = cursor(connection,
							ATTACHMENTS + where + " order by case_id, event_seq, id", caseId);
					ResultSet caseRows = cases.executeQuery();
					ResultSet eventRows = events.executeQuery();
					ResultSet attachmentRows = attachments.executeQuery()) {
				Pass pass = new Pass(eventRows, attachmentRows, sealedUpTo);
				while (caseRows.next()) {
					pass.check(Case.fromRow(caseRows));
				}
				pass.rest();
				if (caseId == null) {
					pass.numbers(connection);
				}
				return pass.report();
			}
			finally {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("the history could not be read", ex);
		}
	}

	private static PreparedStatement cursor(Connection connection, String sql, Long caseId) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
				ResultSet.CONCUR_READ_ONLY);
		statement.setFetchSize(FETCH);
		if (caseId != null) {
			statement.setLong(1, caseId);
		}
		return statement;
	}

	/** One walk over the three cursors. */
	private static final class Pass {

		private final ResultSet events;

		private final ResultSet attachments;

		private final Instant[] sealedUpTo;

		private final MerkleTree[] trees;

		private final BitSet numbers = new BitSet();

		private final List<HistoryFinding> findings = new ArrayList<>();

		private long findingCount;

		private long caseCount;

		private long eventCount;

		private boolean moreEvents;

		private boolean moreAttachments;

		Pass(ResultSet events, ResultSet attachments, Instant[] sealedUpTo) throws SQLException {
			this.events = events;
			this.attachments = attachments;
			this.sealedUpTo = sealedUpTo;
			this.trees = new MerkleTree[sealedUpTo.length];
			for (int i = 0; i < sealedUpTo.length; i++) {
				this.trees[i] = new MerkleTree();
			}
			this.moreEvents = events.next();
			this.moreAttachments = attachments.next();
		}

		void check(Case kase) throws SQLException {
			this.caseCount++;
			long id = kase.getId();
			String number = kase.getNumber();
			issued(number);
			skipCasesBefore(id);
			String prev = HashChain.GENESIS;
			int expectedSeq = 1;
			CaseState lastState = null;
			boolean wholeReplay = false;
			Map<String, String> replayed = new HashMap<>();
			while (this.moreEvents && this.events.getLong(1) == id) {
				Event event = read(this.events);
				List<CaseEvent.Sealed> files = attachmentsOf(number, id, event.seq());
				if (event.seq() != expectedSeq) {
					find(number, expectedSeq, Kind.EVENT_MISSING, null, null, null);
				}
				if (!prev.equals(event.prevHash())) {
					find(number, event.seq(), Kind.LINK, "prev_hash", prev, event.prevHash());
				}
				if (!event.hashFor(number, files).equals(event.hash())) {
					find(number, event.seq(), Kind.CONTENT, null, null, null);
				}
				if (lastState != null && lastState != event.from()) {
					find(number, event.seq(), Kind.STATE_FLOW, "from_state", lastState.name(), name(event.from()));
				}
				if (expectedSeq == 1) {
					wholeReplay = event.version() >= 2;
				}
				if (event.version() >= 2) {
					CaseFacts.replay(event.facts(), replayed);
				}
				seal(event);
				prev = event.hash();
				expectedSeq = event.seq() + 1;
				lastState = event.to();
				this.moreEvents = this.events.next();
			}
			if (lastState == null) {
				find(number, 1, Kind.EVENT_MISSING, null, null, null);
				return;
			}
			int last = expectedSeq - 1;
			if (kase.getEventCount() != last) {
				find(number, last, Kind.HEAD, "event_count", Integer.toString(last),
						Integer.toString(kase.getEventCount()));
			}
			if (!prev.equals(kase.getLastHash())) {
				find(number, last, Kind.HEAD, "last_hash", prev, kase.getLastHash());
			}
			compareFacts(number, last, lastState, wholeReplay, replayed, CaseFacts.of(kase));
		}

		/**
		 * A case whose history began under hash version 2 is replayed whole: every fact
		 * the row carries must be what its events give. One that began before is replayed
		 * from its first version 2 event, for the facts changed since; its state, which
		 * every event records, is checked in any case.
		 */
		private void compareFacts(String number, int last, CaseState lastState, boolean wholeReplay,
				Map<String, String> replayed, Map<String, String> row) {
			if (!wholeReplay && !replayed.containsKey("state") && !lastState.name().equals(row.get("state"))) {
				find(number, last, Kind.FACT, "state", lastState.name(), row.get("state"));
			}
			row.forEach((field, found) -> {
				if (wholeReplay || replayed.containsKey(field)) {
					String expected = replayed.getOrDefault(field, "");
					if (!expected.equals(found)) {
						find(number, last, Kind.FACT, field, expected, found);
					}
				}
			});
		}

		/** Events (and their attachments) whose case row is gone. */
		private void skipCasesBefore(long id) throws SQLException {
			while (this.moreEvents && this.events.getLong(1) < id) {
				long gone = this.events.getLong(1);
				find("#" + gone, null, Kind.CASE_ROW_MISSING, null, null, null);
				while (this.moreEvents && this.events.getLong(1) == gone) {
					seal(read(this.events));
					this.moreEvents = this.events.next();
				}
			}
			while (this.moreAttachments && this.attachments.getLong(1) < id) {
				this.moreAttachments = this.attachments.next();
			}
		}

		void rest() throws SQLException {
			skipCasesBefore(Long.MAX_VALUE);
		}

		/**
		 * The attachments of an event, each with its bytes hashed again: a file replaced
		 * under its recorded SHA-256 is found here. Attachments of an event that is not
		 * there are left to the event's own finding.
		 */
		private List<CaseEvent.Sealed> attachmentsOf(String number, long caseId, int seq) throws SQLException {
			List<CaseEvent.Sealed> files = new ArrayList<>();
			while (this.moreAttachments && (this.attachments.getLong(1) < caseId
					|| this.attachments.getLong(1) == caseId && this.attachments.getInt(2) < seq)) {
				this.moreAttachments = this.attachments.next();
			}
			while (this.moreAttachments && this.attachments.getLong(1) == caseId && this.attachments.getInt(2) == seq) {
				String filename = this.attachments.getString(3);
				long size = this.attachments.getLong(5);
				String sha256 = this.attachments.getString(6);
				byte[] content = this.attachments.getBytes(7);
				String actual = HexFormat.of().formatHex(sha256().digest(content));
				if (!actual.equals(sha256)) {
					find(number, seq, Kind.ATTACHMENT, filename, sha256, actual);
				}
				else if (content.length != size) {
					find(number, seq, Kind.ATTACHMENT, filename, Long.toString(size), Integer.toString(content.length));
				}
				files.add(new CaseEvent.Sealed(filename, this.attachments.getString(4), size, sha256));
				this.moreAttachments = this.attachments.next();
			}
			return files;
		}

		/**
		 * Counts the event and adds it to the Merkle trees of the moments it was sealed
		 * by.
		 */
		private void seal(Event event) {
			this.eventCount++;
			byte[] hash = null;
			for (int i = 0; i < this.trees.length; i++) {
				if (!event.at().isAfter(this.sealedUpTo[i])) {
					hash = hash == null ? HexFormat.of().parseHex(event.hash()) : hash;
					this.trees[i].add(hash);
				}
			}
		}

		private void issued(String number) {
			long seq = numberSeq(number);
			if (seq > 0 && seq <= Integer.MAX_VALUE) {
				this.numbers.set((int) seq);
			}
		}

		/**
		 * Every number below the highest in use, since numbers given up are recorded, has
		 * its case or is recorded as given up. (The highest itself, deleted, is found by
		 * the checkpoint.)
		 */
		void numbers(Connection connection) throws SQLException {
			long after;
			try (PreparedStatement numbering = connection
				.prepareStatement("select numbered_after from case_numbering where id = 1");
					ResultSet row = numbering.executeQuery()) {
				if (!row.next()) {
					return;
				}
				after = row.getLong(1);
			}
			try (PreparedStatement voids = connection
				.prepareStatement("select seq from case_number_void where seq > ? order by seq")) {
				voids.setLong(1, after);
				voids.setFetchSize(FETCH);
				try (ResultSet voided = voids.executeQuery()) {
					boolean moreVoided = voided.next();
					for (int seq = this.numbers.nextClearBit((int) after + 1); seq < this.numbers
						.length(); seq = this.numbers.nextClearBit(seq + 1)) {
						while (moreVoided && voided.getLong(1) < seq) {
							moreVoided = voided.next();
						}
						if (!moreVoided || voided.getLong(1) != seq) {
							find("QQ-…-%06d".formatted(seq), null, Kind.CASE_MISSING, null, null, null);
						}
					}
				}
			}
		}

		private void find(String number, Integer seq, Kind kind, String field, String expected, String found) {
			this.findingCount++;
			if (this.findings.size() < SHOWN) {
				this.findings.add(new HistoryFinding(number, seq, kind, field, expected, found));
			}
		}

		Report report() {
			List<Root> roots = new ArrayList<>();
			for (int i = 0; i < this.trees.length; i++) {
				roots.add(new Root(this.sealedUpTo[i], this.trees[i].size(), this.trees[i].root()));
			}
			return new Report(List.copyOf(this.findings), this.findingCount, this.caseCount, this.eventCount,
					List.copyOf(roots));
		}

	}

	/** The number a case number ends with, as the sequence issued it; 0 if none. */
	static long numberSeq(String number) {
		int dash = number.lastIndexOf('-');
		try {
			return Long.parseLong(number.substring(dash + 1));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static String name(Enum<?> value) {
		return value == null ? "" : value.name();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Event read(ResultSet rs) throws SQLException {
		return new Event(rs.getInt(2), CaseAction.valueOf(rs.getString(3)), rs.getLong(4),
				rs.getObject(5) == null ? null : rs.getLong(5), rs.getTimestamp(6).toInstant(), state(rs.getString(7)),
				state(rs.getString(8)), rs.getString(9), rs.getBoolean(10), rs.getString(11), rs.getInt(12),
				rs.getString(13), rs.getString(14), rs.getString(15));
	}

	private static CaseState state(String value) {
		return value == null ? null : CaseState.valueOf(value);
	}

	/** An event row as stored. */
	private record Event(int seq, CaseAction action, long actorId, Long actorUnitId, Instant at, CaseState from,
			CaseState to, String note, boolean visible, String facts, int version, String prevHash, String hash,
			String noteText) {

		/** The hash its fields give under the rule of its version. */
		String hashFor(String number, List<CaseEvent.Sealed> files) {
			if (this.version == 1 && this.noteText != null) {
				return "a note's text on a version 1 event"; // added later: never sealed
			}
			if (this.version == 1) {
				return CaseEvent.hashOf(this.prevHash, number, this.seq, this.action, this.actorId, this.actorUnitId,
						this.at, this.from, this.to, this.note, files.stream().map(CaseEvent.Sealed::sha256).toList());
			}
			// Version 3 seals the note's text too; one removed from it, or added to a
			// version 2 event, gives another hash.
			return CaseEvent.sealOf(this.prevHash, number, this.seq, this.action, this.actorId, this.actorUnitId,
					this.at, this.from, this.to, this.note, this.version == CaseEvent.HASH_VERSION_WITH_NOTE_TEXT
							? Objects.toString(this.noteText, "") : this.noteText,
					this.visible, Objects.toString(this.facts, ""), files);
		}

	}

}
