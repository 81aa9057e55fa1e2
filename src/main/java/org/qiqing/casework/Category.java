package org.qiqing.casework;

/**
 * A node of the administrable tree of case categories; it names the unit that handles its
 * cases by default and the days it gives to resolve them.
 */
public record Category(Long id, String code, String name, Long parentId, Long defaultUnitId, int resolveDays) {

}
