package org.qiqing.documents;

import java.util.Locale;

import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.Text;
import org.qiqing.platform.Texts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives documents their official numbers (文号): per issuing unit, kind and year, 1, 2, 3…
 * in the order they are issued, each once. The number is taken in the caller's
 * transaction by raising the row's last serial, which stays locked until it commits: a
 * second document of the same issuer, kind and year waits for the first, and a document
 * rolled back gives its number back before anyone saw it. Works alike on PostgreSQL and
 * H2 (the row is created with {@code on conflict do nothing}, which both take).
 * <p>
 * The number reads {@code 机关代字 + 类别字 + 〔year〕 + serial + 号}: the issuer's short name from
 * {@code qiqing.documents.issuers} (by the unit's code; else its full name), the kind's
 * character from the bundle key {@code document.kindCode.KIND} (none when absent), as
 * {@code document.number} arranges them.
 */
@Component
public class DocumentNumbers {

	private final JdbcClient jdbc;

	private final Units units;

	private final DocumentSettings settings;

	DocumentNumbers(JdbcClient jdbc, Units units, DocumentSettings settings) {
		this.jdbc = jdbc;
		this.units = units;
		this.settings = settings;
	}

	/**
	 * The next number of an issuer's documents of a kind in a year, taken in the current
	 * transaction (or in one of its own).
	 * @param kind what the documents are, in capitals: {@code SUPERVISION_ORDER},
	 * {@code ASSESSMENT_BULLETIN}; at most 40 characters
	 */
	@Transactional
	public DocumentNumber allocate(long issuerUnitId, String kind, int year) {
		if (raise(issuerUnitId, kind, year) == 0) {
			this.jdbc.sql("""
					insert into document_number (issuer_unit_id, kind, doc_year, last_serial)
					values (:issuer, :kind, :year, 0) on conflict do nothing""")
				.param("issuer", issuerUnitId)
				.param("kind", kind)
				.param("year", year)
				.update();
			raise(issuerUnitId, kind, year);
		}
		int serial = this.jdbc.sql("""
				select last_serial from document_number
				where issuer_unit_id = :issuer and kind = :kind and doc_year = :year""")
			.param("issuer", issuerUnitId)
			.param("kind", kind)
			.param("year", year)
			.query(Integer.class)
			.single();
		return new DocumentNumber(issuerUnitId, kind, year, serial, text(issuerUnitId, kind, year, serial));
	}

	private int raise(long issuerUnitId, String kind, int year) {
		return this.jdbc.sql("""
				update document_number set last_serial = last_serial + 1
				where issuer_unit_id = :issuer and kind = :kind and doc_year = :year""")
			.param("issuer", issuerUnitId)
			.param("kind", kind)
			.param("year", year)
			.update();
	}

	/** The number as printed. */
	String text(long issuerUnitId, String kind, int year, int serial) {
		Unit issuer = this.units.findById(issuerUnitId).orElse(null);
		String code = issuer == null ? Long.toString(issuerUnitId)
				: this.settings.issuers().getOrDefault(issuer.getCode(), issuer.getName());
		String kindKey = "document.kindCode." + kind;
		String kindCode = Texts.resolve(Text.of(kindKey), Locale.SIMPLIFIED_CHINESE);
		return Texts.resolve(Text.of("document.number", code, kindKey.equals(kindCode) ? "" : kindCode,
				Integer.toString(year), Integer.toString(serial)), Locale.SIMPLIFIED_CHINESE);
	}

}
