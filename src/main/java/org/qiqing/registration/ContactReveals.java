package org.qiqing.registration;

import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditLog;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.ContactManagement;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.PersonalData;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The phone and e-mail address of a registrant or of a colleague in full, for those who
 * see them masked ({@link PersonalData}) and who may see the registration or the contact;
 * each reveal is recorded in the audit log.
 */
@Service
@Transactional
public class ContactReveals {

	private final RegistrationDesk desk;

	private final ContactManagement contacts;

	private final Managers managers;

	private final AuditLog audit;

	ContactReveals(RegistrationDesk desk, ContactManagement contacts, Managers managers, AuditLog audit) {
		this.desk = desk;
		this.contacts = contacts;
		this.managers = managers;
		this.audit = audit;
	}

	/** A registration the actor may decide; any other is not found. */
	public PersonalData.Revealed registration(long id, Actor actor) {
		Registration registration = this.desk.find(id, actor);
		this.audit.record(actor, AuditAction.PERSONAL_DATA_REVEALED, "registration", id, "phone and e-mail");
		return new PersonalData.Revealed(registration.displayName(), registration.phone(), registration.email());
	}

	/** A contact of the enterprise the actor manages; any other is not found. */
	public PersonalData.Revealed contact(long personId, Actor actor) {
		Long enterprise = this.managers.enterpriseManagedBy(actor);
		if (enterprise == null) {
			throw new AccessDeniedException("only the managing contact of an enterprise manages its contacts");
		}
		Person person = this.contacts.contact(personId, enterprise);
		this.audit.record(actor, AuditAction.PERSONAL_DATA_REVEALED, "person", personId, "phone and e-mail");
		return new PersonalData.Revealed(person.getDisplayName(), person.getPhone(), person.getEmail());
	}

}
