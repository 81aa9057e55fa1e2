package org.qiqing.organisation;

import java.util.List;
import java.util.Locale;

import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who speak for an enterprise (企业联系人): created when a registration is verified
 * or a colleague is added, and stopped or let in again. Who may do that is decided by the
 * caller (the registration module); this facade only keeps a contact to his own
 * enterprise.
 */
@Service
@Transactional
public class ContactManagement {

	private final People people;

	private final PasswordPolicy policy;

	ContactManagement(People people, PasswordPolicy policy) {
		this.people = people;
		this.policy = policy;
	}

	/**
	 * Notes what is wrong with a username and a password a person chose, with the rules
	 * officials' logins follow.
	 */
	public void checkCredentials(FieldErrors errors, String username, String password) {
		if (username == null || !PersonManagement.USERNAME.matcher(username).matches()) {
			errors.reject("username", Text.of("error.username.format"));
		}
		else if (usernameTaken(username)) {
			errors.reject("username", Text.of("error.username.taken", username));
		}
		this.policy.check(errors, "password", password);
	}

	@Transactional(readOnly = true)
	public boolean usernameTaken(String username) {
		return this.people.findByUsername(username).isPresent();
	}

	/**
	 * Whether the enterprise already has a contact reached at this phone number or e-mail
	 * address (either may be null).
	 */
	@Transactional(readOnly = true)
	public boolean hasContactReachedAt(long enterpriseId, String phone, String email) {
		return contactsOf(enterpriseId).stream()
			.anyMatch(contact -> (phone != null && phone.equals(contact.getPhone()))
					|| (email != null && email.equalsIgnoreCase(contact.getEmail())));
	}

	/** The contacts of an enterprise, the earliest first. */
	@Transactional(readOnly = true)
	public List<Person> contactsOf(long enterpriseId) {
		return this.people.findByEnterpriseIdOrderById(enterpriseId);
	}

	/**
	 * Makes a contact of an enterprise, with the password hash he chose when he
	 * registered.
	 */
	public Person enrol(String username, String displayName, String passwordHash, long enterpriseId, String phone,
			String email) {
		if (usernameTaken(username)) {
			throw new InvalidInput("username", Text.of("error.username.taken", username));
		}
		Person person = Person.enterpriseContact(username, displayName, passwordHash, enterpriseId);
		person.contactBy(phone, email == null ? null : email.toLowerCase(Locale.ROOT));
		return this.people.save(person);
	}

	/** Stops a contact of the enterprise from logging in, or lets him in again. */
	public Person allowLogin(long personId, long enterpriseId, boolean enabled) {
		Person person = contact(personId, enterpriseId);
		person.allowLogin(enabled);
		return this.people.save(person);
	}

	/** A contact of the enterprise; anyone else is not found. */
	@Transactional(readOnly = true)
	public Person contact(long personId, long enterpriseId) {
		return this.people.findById(personId)
			.filter(person -> person.getEnterpriseId() != null && person.getEnterpriseId() == enterpriseId)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.contact"), personId)));
	}

}
