package org.qiqing.organisation;

/**
 * The levels of China's administrative divisions that the platform uses.
 */
public enum RegionLevel {

	PROVINCE, CITY, COUNTY, TOWN, VILLAGE

}
