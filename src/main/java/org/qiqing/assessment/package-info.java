/**
 * 考核运用, the assessment of units and regions: a published, versioned formula over the
 * statistics' measures, monthly results frozen with a hash, league tables with their
 * movement, late corrections carried as adjustments, and what followed from a result.
 */
package org.qiqing.assessment;
