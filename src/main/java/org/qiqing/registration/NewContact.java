package org.qiqing.registration;

/**
 * A colleague the enterprise's manager adds himself: verified by him, so a contact at
 * once.
 */
public record NewContact(String displayName, String phone, String email, String username, String password) {

}
