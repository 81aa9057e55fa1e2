/**
 * Regions, units and people: who works where, in which role, over which jurisdiction, and
 * who the current user is ({@link org.qiqing.organisation.Actor}).
 */
package org.qiqing.organisation;
