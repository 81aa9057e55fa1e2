/**
 * Conduct evaluation (作风评价): campaigns in which enterprises rate the units that served
 * them (评议, anonymous towards the unit), spot-check return visits of closed cases by the
 * service centre (回访抽查), and the flags of units whose own ratings are markedly better
 * than their spot-checks say.
 */
package org.qiqing.evaluation;
