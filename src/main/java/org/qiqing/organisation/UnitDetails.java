package org.qiqing.organisation;

/**
 * What an administrator says about a unit when he creates or changes it.
 *
 * @param code the unit's lasting key (imports match on it); it cannot change
 * @param superiorId the unit it reports to, or null
 */
public record UnitDetails(String code, String name, UnitKind kind, String regionCode, Long superiorId) {

}
