/**
 * Linkage (挂联): officials and working groups (工作专班) linked to enterprises, towns,
 * villages or projects with a visit frequency and a period, their bulk assignment, and
 * the coverage of the links by visits.
 */
package org.qiqing.linkage;
