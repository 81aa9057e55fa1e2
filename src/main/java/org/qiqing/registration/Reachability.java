package org.qiqing.registration;

import java.util.Locale;
import java.util.regex.Pattern;

import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.Text;

/**
 * How a contact is reached: a mainland mobile number (11 digits from 13 to 19) or a
 * landline with its area code, and an e-mail address; at least one of the two.
 */
final class Reachability {

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{9,11}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	private Reachability() {
	}

	/** The digits of a phone number as typed with spaces or dashes, or null. */
	static String phone(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		return typed.replaceAll("[\\s-]", "");
	}

	static String email(String typed) {
		return typed == null || typed.isBlank() ? null : typed.strip().toLowerCase(Locale.ROOT);
	}

	/** Notes what is wrong with a normalised phone and e-mail. */
	static void check(FieldErrors errors, String phone, String email) {
		if (phone == null && email == null) {
			errors.reject("phone", Text.of("error.contact.reach"));
		}
		if (phone != null && !PHONE.matcher(phone).matches()) {
			errors.reject("phone", Text.of("error.contact.phone"));
		}
		if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
			errors.reject("email", Text.of("error.contact.email"));
		}
	}

}
