package org.qiqing.enterprise;

import java.util.List;
import java.util.Optional;

import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditLog;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.PersonalData;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Rows;
import org.qiqing.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of enterprises within what a person may see: his own enterprise, the enterprises
 * of his jurisdiction, and those whose cases his unit handles.
 */
@Component
public class EnterpriseDirectory {

	static final String SCOPE = """
			(en.id = :scopeEnterprise
			 or r.path like :scopePattern
			 or exists (select 1 from cases sc where sc.enterprise_id = en.id and sc.lead_unit_id = :scopeUnit)
			 or exists (select 1 from cases sc join case_co_unit scu on scu.case_id = sc.id
			            where sc.enterprise_id = en.id and scu.unit_id = :scopeUnit))""";

	public record EnterpriseLine(long id, String creditCode, String name, String regionCode, String regionName,
			String industry, EnterpriseScale scale) {
	}

	public record Page(List<EnterpriseLine> items, int page, int size, boolean hasNext) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	EnterpriseDirectory(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * The contact of an enterprise the actor may see, with his phone and e-mail address
	 * in full, which the audit log records.
	 */
	@Transactional
	public PersonalData.Revealed revealContact(long id, Actor actor) {
		Enterprise enterprise = findVisible(id, actor)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.enterprise"), id)));
		this.audit.record(actor, AuditAction.PERSONAL_DATA_REVEALED, "enterprise", id, "contact's phone and e-mail");
		return new PersonalData.Revealed(enterprise.getContactName(), enterprise.getContactPhone(),
				enterprise.getContactEmail());
	}

	public Optional<Enterprise> findVisible(long id, Actor actor) {
		// The scope is checked in the statement that reads the row: one statement, not
		// two.
		return bind(this.jdbc.sql("select en.* from enterprise en join region r on r.code = en.region_code"
				+ " where en.id = :id and " + SCOPE), actor)
			.param("id", id)
			.query((row, n) -> Enterprise.fromRow(row))
			.optional();
	}

	/** Enterprises whose name holds the text, or whose credit code is the text. */
	public Page search(Actor actor, String text, int page, int size) {
		String query = text == null ? "" : text.trim();
		List<EnterpriseLine> lines = bind(this.jdbc.sql("""
				select en.id, en.credit_code, en.name, en.region_code, r.name as region_name, en.industry, en.scale
				from enterprise en join region r on r.code = en.region_code
				where (:text = '' or en.credit_code = :code or en.name like :pattern) and """ + SCOPE + """
				order by en.name, en.id limit :limit offset :offset"""), actor).param("text", query)
			.param("code", CreditCode.normalize(query))
			.param("pattern", "%" + query + "%")
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(Rows.of(EnterpriseLine.class))
			.list();
		boolean hasNext = lines.size() > size;
		return new Page(hasNext ? lines.subList(0, size) : lines, page, size, hasNext);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Actor actor) {
		return statement.param("scopeEnterprise", actor.enterpriseId() == null ? -1L : actor.enterpriseId())
			.param("scopeUnit", actor.unitId() == null ? -1L : actor.unitId())
			.param("scopePattern", actor.jurisdictionPattern() == null ? "" : actor.jurisdictionPattern());
	}

}
