package org.qiqing.casework;

import java.time.Instant;

/**
 * Who answered a return visit (回访) for the enterprise, when and how: the service centre
 * records the enterprise's rating on its behalf from a call or a visit.
 *
 * @param name the person of the enterprise who answered
 * @param role his position in the enterprise (总经理, 财务负责人…), if given
 */
public record Respondent(String name, String role, Instant answeredAt, AnswerMethod method) {

}
