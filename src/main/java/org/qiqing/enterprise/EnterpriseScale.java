package org.qiqing.enterprise;

/**
 * The size classes of enterprises used in Chinese statistics (大型、中型、小型、微型).
 */
public enum EnterpriseScale {

	LARGE, MEDIUM, SMALL, MICRO

}
