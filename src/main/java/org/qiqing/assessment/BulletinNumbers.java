package org.qiqing.assessment;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import org.qiqing.documents.DocumentNumber;
import org.qiqing.documents.DocumentNumbers;
import org.qiqing.organisation.Offices;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitKind;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The official numbers (文号) of the monthly bulletins: the bulletin of a jurisdiction (its
 * region) for a month is numbered the first time it is printed, by the documents module's
 * sequence ({@link DocumentNumbers}, kind {@value #KIND}) of the issuing unit — the
 * supervision office nearest the region, else its service centre, as for the platform's
 * own supervision orders — in the year it is issued; printed again, it keeps its number
 * and its date. Two first prints at once give one number: the second waits for the
 * first's number, finds the bulletin numbered and gives its own back.
 */
@Component
class BulletinNumbers {

	/**
	 * The documents' kind of a bulletin; its character is
	 * {@code document.kindCode.ASSESSMENT_BULLETIN}.
	 */
	static final String KIND = "ASSESSMENT_BULLETIN";

	/** A bulletin's number and the day it was issued. */
	record Issued(String number, LocalDate issuedOn) {
	}

	private final JdbcClient jdbc;

	private final DocumentNumbers numbers;

	private final Offices offices;

	private final Clock clock;

	private final TransactionTemplate transaction;

	BulletinNumbers(JdbcClient jdbc, DocumentNumbers numbers, Offices offices, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.offices = offices;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * The bulletin's number, given now if it has none; empty when no office issues it.
	 */
	Optional<Issued> numberOf(YearMonth month, String regionCode, long personId) {
		Optional<Issued> issued = find(month, regionCode);
		if (issued.isPresent()) {
			return issued;
		}
		Long issuer = this.offices.nearest(regionCode, UnitKind.SUPERVISION_OFFICE, UnitKind.SERVICE_CENTRE)
			.map(Unit::getId)
			.orElse(null);
		if (issuer == null) {
			return Optional.empty();
		}
		try {
			// the number and the bulletin's row commit or roll back together
			return Optional.of(this.transaction.execute(status -> issue(month, regionCode, issuer, personId)));
		}
		catch (DuplicateKeyException twin) {
			// numbered at the same moment by someone else, whose number stands
			return find(month, regionCode);
		}
	}

	Optional<Issued> find(YearMonth month, String regionCode) {
		return this.jdbc.sql("""
				select number, issued_on from assessment_bulletin
				where month_start = :month and region_code = :region""")
			.param("month", Date.valueOf(month.atDay(1)))
			.param("region", regionCode)
			.query((rs, n) -> new Issued(rs.getString(1), rs.getDate(2).toLocalDate()))
			.optional();
	}

	private Issued issue(YearMonth month, String regionCode, long issuer, long personId) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, CHINA);
		DocumentNumber number = this.numbers.allocate(issuer, KIND, today.getYear());
		this.jdbc.sql("""
				insert into assessment_bulletin (month_start, region_code, issuer_unit_id, doc_year, serial, number,
				                                 issued_on, issued_by, issued_at)
				values (:month, :region, :issuer, :year, :serial, :number, :on, :by, :at)""")
			.param("month", Date.valueOf(month.atDay(1)))
			.param("region", regionCode)
			.param("issuer", issuer)
			.param("year", number.year())
			.param("serial", number.serial())
			.param("number", number.text())
			.param("on", Date.valueOf(today))
			.param("by", personId)
			.param("at", Timestamp.from(now))
			.update();
		return new Issued(number.text(), today);
	}

}
