/**
 * The campaign (专题教育) and its meetings (定期会商, 双月例会): a campaign's key actions as a
 * checklist per unit, each done on a day with its evidence; progress by region and unit;
 * the lagging units urged on the case engine; meetings whose agenda is what lags and
 * whose decisions become leaders' assignments (交办).
 */
package org.qiqing.campaign;
