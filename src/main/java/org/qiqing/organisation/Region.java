package org.qiqing.organisation;

/**
 * An administrative division, identified by its national code.
 *
 * @param path the codes from the root down, for example {@code /330400/330421/}
 */
public record Region(String code, String name, RegionLevel level, String parentCode, String path) {

}
