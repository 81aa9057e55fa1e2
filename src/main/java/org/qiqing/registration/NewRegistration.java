package org.qiqing.registration;

/**
 * What a registrant sends: his enterprise's credit code, his name, a phone number or an
 * e-mail address (at least one), and the login he chooses.
 */
public record NewRegistration(String creditCode, String displayName, String phone, String email, String username,
		String password) {

}
