package org.qiqing.organisation;

import java.util.Set;

/**
 * The one rule for phone numbers and e-mail addresses (PIPL's minimum necessary): shown
 * in full to the roles whose work is to reach people, masked for everyone else, who may
 * ask for the full value (an audited reveal).
 * <ul>
 * <li>in full: administrators (they edit people and enterprises), dispatchers (they
 * verify registrants and register enterprises), handlers (they call the enterprise of the
 * case they handle), visiting officials (they arrange visits);</li>
 * <li>masked: supervisors, leaders, inspectors (they oversee, they do not call) and
 * enterprise contacts (a colleague's or a registrant's number is not theirs).</li>
 * </ul>
 * A phone keeps its first 3 and last 4 digits ({@code 138****0331}), an e-mail address
 * its first letter and its domain ({@code z***@example.com}).
 */
public final class PersonalData {

	/**
	 * A person's name, phone and e-mail address in full: the answer to a reveal, which
	 * the audit log records.
	 */
	public record Revealed(String name, String phone, String email) {
	}

	private static final Set<Role> REACH_PEOPLE = Set.of(Role.ADMIN, Role.DISPATCHER, Role.HANDLER, Role.VISITOR);

	private PersonalData() {
	}

	/** Whether the viewer sees phones and e-mail addresses in full. */
	public static boolean seenInFullBy(Actor viewer) {
		return viewer.roles().stream().anyMatch(REACH_PEOPLE::contains);
	}

	/** The phone as the viewer may see it. */
	public static String phone(String phone, Actor viewer) {
		return seenInFullBy(viewer) ? phone : maskPhone(phone);
	}

	/** The e-mail address as the viewer may see it. */
	public static String email(String email, Actor viewer) {
		return seenInFullBy(viewer) ? email : maskEmail(email);
	}

	public static String maskPhone(String phone) {
		if (phone == null || phone.isEmpty()) {
			return phone;
		}
		if (phone.length() < 8) {
			return "*".repeat(phone.length());
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

	public static String maskEmail(String email) {
		if (email == null || email.isEmpty()) {
			return email;
		}
		int at = email.lastIndexOf('@');
		if (at < 1) {
			return "***";
		}
		return email.charAt(0) + "***" + email.substring(at);
	}

}
