package org.qiqing.registration;

/**
 * Where a registration stands.
 */
public enum RegistrationStatus {

	/** 待审核: waits for the service centre or the enterprise's manager. */
	PENDING,
	/** 已通过: the registrant is a contact of the enterprise and can log in. */
	VERIFIED,
	/** 未通过: refused, with the reason he is told. */
	REFUSED

}
