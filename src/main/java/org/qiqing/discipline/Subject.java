package org.qiqing.discipline;

/** Who is held accountable. */
public enum Subject {

	PERSON, ORGANISATION

}
