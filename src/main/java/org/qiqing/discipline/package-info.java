/**
 * Special inspections, rectification and accountability (专项检查、整改落实、问责追究): special actions
 * with their checklists and supervision groups, planned and unannounced inspections of
 * units, their findings, the rectification items (a kind of case on the engine) they
 * become, the register of accountability decisions, and the four figures.
 */
package org.qiqing.discipline;
